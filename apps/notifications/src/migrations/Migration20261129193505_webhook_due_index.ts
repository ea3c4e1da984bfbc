import { Migration } from '@mikro-orm/migrations';

export class Migration20261129193505_webhook_due_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "webhook_delivery_pending_due_index" on "notifications"."webhook_delivery" ("next_attempt_at", "id") where "status" = 'pending';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "notifications"."webhook_delivery_pending_due_index";`);
  }
}
