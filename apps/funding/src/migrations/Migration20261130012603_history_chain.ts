import { Migration } from '@mikro-orm/migrations';

export class Migration20261130012603_history_chain extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "funding"."history_anchor" ("day" date not null, "last_seq" bigint not null, "head_hash" text not null, "anchored_at" timestamptz not null, constraint "history_anchor_pkey" primary key ("day"));`,
    );

    this.addSql(
      `create table "funding"."history_chain_head" ("id" int not null, "last_seq" bigint not null, "head_hash" text not null, "sealed_at" timestamptz not null, constraint "history_chain_head_pkey" primary key ("id"));`,
    );

    this.addSql(
      `alter table "funding"."history_entry" add column "chain_seq" bigint null, add column "chain_hash" text null;`,
    );
    this.addSql(
      `alter table "funding"."history_entry" add constraint "history_entry_chain_seq_unique" unique ("chain_seq");`,
    );
    this.addSql(
      `create index "history_entry_unsealed_idx" on "funding"."history_entry" ("at", "id") where "chain_seq" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "funding"."history_anchor" cascade;`);

    this.addSql(`drop table if exists "funding"."history_chain_head" cascade;`);

    this.addSql(`alter table "funding"."history_entry" drop constraint "history_entry_chain_seq_unique";`);
    this.addSql(`drop index "funding"."history_entry_unsealed_idx";`);
    this.addSql(`alter table "funding"."history_entry" drop column "chain_seq", drop column "chain_hash";`);
  }
}
