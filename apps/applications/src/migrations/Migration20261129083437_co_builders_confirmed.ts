import { Migration } from '@mikro-orm/migrations';

export class Migration20261129083437_co_builders_confirmed extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "applications"."application" add column "proposed_co_builder_ids" jsonb null, add column "co_builders_confirmed_at" timestamptz null;`,
    );
    // What construction units listed so far is their proposal. An application the supporting unit already
    // passed on (A13(二)) named them in its review, which stands as the confirmation; one still in draft or
    // in the supporting review waits for the supporting unit (A10), its listed units losing access until then.
    this.addSql(`update "applications"."application" set "proposed_co_builder_ids" = "co_builder_ids";`);
    this.addSql(
      `update "applications"."application" set "co_builder_ids" = '[]'::jsonb where "status" in ('draft', 'supporting_review');`,
    );
    this.addSql(
      `update "applications"."application" set "co_builders_confirmed_at" = "updated_at" where "status" not in ('draft', 'supporting_review');`,
    );
    this.addSql(`alter table "applications"."application" alter column "proposed_co_builder_ids" set not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "applications"."application" drop column "proposed_co_builder_ids", drop column "co_builders_confirmed_at";`,
    );
  }
}
