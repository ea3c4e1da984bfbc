import { Migration } from '@mikro-orm/migrations';

export class Migration20261128163857_idempotency_retention extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "idempotency_record_created_at_index" on "personnel"."idempotency_record" ("created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "personnel"."idempotency_record_created_at_index";`);
  }
}
