import type { EmailSettingsDto } from '@tic/contracts';
import type { LocalizedText } from '@tic/domain';

type Language = EmailSettingsDto['language'];

/** An email's subject and text in the organization's language: Chinese, English, or both (Chinese first). */
export function composeEmail(
  language: Language,
  title: LocalizedText,
  body: LocalizedText,
): { subject: string; text: string } {
  switch (language) {
    case 'zh':
      return { subject: title.zh, text: body.zh };
    case 'en':
      return { subject: title.en, text: body.en };
    case 'both':
      return { subject: `${title.zh} / ${title.en}`, text: `${body.zh}\n\n——\n\n${body.en}` };
  }
}

/** The text with where to act, in the email's language. */
export function withLink(language: string, text: string, url: string | null): string {
  if (url === null) return text;
  const label = language === 'en' ? 'Where to act' : language === 'zh' ? '办理地址' : '办理地址 / Where to act';
  return `${text}\n\n${label}: ${url}`;
}
