import { Migration } from '@mikro-orm/migrations';

export class Migration20261129195100_webhook_claim_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "webhook_delivery_leased_index" on "notifications"."webhook_delivery" ("subscription_id", "lease_until") where "status" = 'pending' and "lease_until" is not null;`,
    );
    this.addSql(
      `create index "webhook_delivery_pending_due_index" on "notifications"."webhook_delivery" ("next_attempt_at", "id") where "status" = 'pending';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "notifications"."webhook_delivery_leased_index";`);
    this.addSql(`drop index "notifications"."webhook_delivery_pending_due_index";`);
  }
}
