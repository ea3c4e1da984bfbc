import { Migration } from '@mikro-orm/migrations';

export class Migration20261130012646_history_chain extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "evaluations"."history_anchor" ("day" date not null, "last_seq" bigint not null, "head_hash" text not null, "anchored_at" timestamptz not null, constraint "history_anchor_pkey" primary key ("day"));`,
    );

    this.addSql(
      `create table "evaluations"."history_chain_head" ("id" int not null, "last_seq" bigint not null, "head_hash" text not null, "sealed_at" timestamptz not null, constraint "history_chain_head_pkey" primary key ("id"));`,
    );

    this.addSql(
      `alter table "evaluations"."history_entry" add column "chain_seq" bigint null, add column "chain_hash" text null;`,
    );
    this.addSql(
      `alter table "evaluations"."history_entry" add constraint "history_entry_chain_seq_unique" unique ("chain_seq");`,
    );
    this.addSql(
      `create index "history_entry_unsealed_idx" on "evaluations"."history_entry" ("at", "id") where "chain_seq" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "evaluations"."history_anchor" cascade;`);

    this.addSql(`drop table if exists "evaluations"."history_chain_head" cascade;`);

    this.addSql(`alter table "evaluations"."history_entry" drop constraint "history_entry_chain_seq_unique";`);
    this.addSql(`drop index "evaluations"."history_entry_unsealed_idx";`);
    this.addSql(`alter table "evaluations"."history_entry" drop column "chain_seq", drop column "chain_hash";`);
  }
}
