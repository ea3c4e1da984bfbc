import { Migration } from '@mikro-orm/migrations';

export class Migration20261128155432_history_role_comment_article extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "personnel"."history_entry" add column "actor_role" text null, add column "comment" text null, add column "article" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "personnel"."history_entry" drop column "actor_role", drop column "comment", drop column "article";`,
    );
  }
}
