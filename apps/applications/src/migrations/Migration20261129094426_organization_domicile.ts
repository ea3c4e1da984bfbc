import { Migration } from '@mikro-orm/migrations';

export class Migration20261129094426_organization_domicile extends Migration {
  override async up(): Promise<void> {
    // A12(一): the domicile is read from each unit's licence, never guessed from its credit code, so existing
    // units start without one; until it is recorded their Liaoning-issued code stands in (checkSupportingUnit).
    this.addSql(
      `alter table "applications"."organization" add column "domicile" text null, add column "domicile_division_code" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "applications"."organization" drop column "domicile", drop column "domicile_division_code";`,
    );
  }
}
