import { defineRefusals } from '@tic/platform';

/** The refusals of webhook subscriptions (CONTRACT.md, Events, way 1), by stable code `webhook.<name>`. */
export const WEBHOOK_REFUSALS = defineRefusals('webhook', {
  url_refused: {
    status: 'invalid_input',
    zh: 'url：接收地址不可用（{reason}）',
    en: 'url: the receiver cannot be used ({reason})',
  },
  not_disabled: {
    status: 'conflict',
    zh: '该订阅未停用，无需启用',
    en: 'The subscription is not disabled; there is nothing to enable',
  },
});
