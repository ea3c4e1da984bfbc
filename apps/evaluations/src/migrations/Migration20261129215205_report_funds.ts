import { Migration } from '@mikro-orm/migrations';

export class Migration20261129215205_report_funds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "evaluations"."annual_report" add column "funds" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "evaluations"."annual_report" drop column "funds";`);
  }
}
