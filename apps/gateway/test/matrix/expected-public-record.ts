import { each, ok, refused, type Row } from './outcomes';

// Called with the document's literal `{id}`, which is no UUID.
const LITERAL_ID = refused(400, 'invalid_input');

/** The public record (issue 11): the directory and announcements without a token, the registry for its keepers. */
export const PUBLIC_RECORD_ROWS: Readonly<Record<string, Row>> = {
  'GET /api/v1/public/centers': { roles: 'public', anonymous: ok() },
  'GET /api/v1/public/announcements': { roles: 'public', anonymous: ok() },
  'GET /api/v1/public/announcements/{id}': { roles: 'public', anonymous: LITERAL_ID },
  'GET /api/v1/public/announcements/{id}/pdf': { roles: 'public', anonymous: LITERAL_ID },
  'GET /api/v1/centers/export': {
    roles: ['dst_admin', 'committee_office'],
    owner: each(['dst_admin', 'committee_office'], ok()),
  },
  'GET /api/v1/centers/statistics': {
    roles: ['dst_admin', 'committee_office'],
    owner: each(['dst_admin', 'committee_office'], ok()),
  },
};
