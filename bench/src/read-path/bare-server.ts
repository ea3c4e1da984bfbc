import Fastify from 'fastify';
import { Pool } from 'pg';

/**
 * The read path's baseline: a bare Fastify server on one `pg` pool (10 connections, as the services'
 * MikroORM pool) answering GET /organizations/:id with the query and the JSON the applications service
 * gives. No auth, no NATS: what is left when the platform's layers are taken away. Run as its own
 * process, as the gateway and the service are.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });

interface UnitRow {
  id: string;
  name: string;
  uscc: string | null;
  kind: string;
  legal_person: boolean;
  region_code: string | null;
  domicile: string | null;
  domicile_division_code: string | null;
  parent_id: string | null;
  recommender_id: string | null;
  is_recommender: boolean;
  jurisdiction: string | null;
  version: number;
}

app.get<{ Params: { id: string } }>('/organizations/:id', async (request, reply) => {
  const { rows } = await pool.query<UnitRow>({
    name: 'unit',
    text: `select id, name, uscc, kind, legal_person, region_code, domicile, domicile_division_code, parent_id,
                  recommender_id, is_recommender, jurisdiction, version
             from applications.organization where id = $1`,
    values: [request.params.id],
  });
  const o = rows[0];
  if (o === undefined) return reply.status(404).send({ title: 'not found' });
  return {
    id: o.id,
    name: o.name,
    uscc: o.uscc,
    kind: o.kind,
    legalPerson: o.legal_person,
    regionCode: o.region_code,
    domicile: o.domicile,
    domicileDivisionCode: o.domicile_division_code,
    parentId: o.parent_id,
    recommenderId: o.recommender_id,
    isRecommender: o.is_recommender,
    jurisdiction: o.jurisdiction,
    version: o.version,
  };
});

// Ready once Postgres answers, as the services' /health checks their database.
app.get('/health', async () => {
  await pool.query('select 1');
  return { status: 'up' };
});

app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) }).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
process.once('SIGTERM', () => void app.close().then(() => pool.end()));
