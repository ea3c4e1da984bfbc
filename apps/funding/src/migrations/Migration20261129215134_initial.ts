import { Migration } from '@mikro-orm/migrations';

export class Migration20261129215134_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "funding";`);
    this.addSql(
      `create table "funding"."allocation" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "center_id" uuid not null, "fiscal_year" int not null, "purpose" text not null, "status" text not null default 'active', "allocated_on" date not null, "proposal_id" uuid null, "carried_over_from" uuid null, "budget" jsonb not null, "spent" jsonb not null, "entry_count" int not null default 0, "targets" jsonb not null, "self_evaluated_on" date null, "rating" jsonb null, "year_end" jsonb null, "created_by" text not null, "updated_at" timestamptz not null, constraint "allocation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "allocation_center_id_index" on "funding"."allocation" ("center_id");`);
    this.addSql(`create index "allocation_status_index" on "funding"."allocation" ("status");`);
    this.addSql(
      `create index "allocation_center_id_fiscal_year_index" on "funding"."allocation" ("center_id", "fiscal_year");`,
    );

    this.addSql(
      `create table "funding"."consumer_position" ("consumer" text not null, "aggregate_id" text not null, "version" int not null, "updated_at" timestamptz not null, constraint "consumer_position_pkey" primary key ("consumer", "aggregate_id"));`,
    );

    this.addSql(
      `create table "funding"."center_directory" ("id" uuid not null, "name_zh" text not null, "name_en" text not null, "field_zh" text not null, "field_en" text not null, "status" text not null, "track" text not null, "supporting_unit_id" uuid not null, "construction_unit_id" uuid not null, "recommender_id" uuid not null, "co_builder_ids" jsonb not null, "region_code" text null, "established_on" date not null, "preparation_ends_on" date null, "closed_on" date null, "updated_at" timestamptz not null, constraint "center_directory_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "center_directory_status_index" on "funding"."center_directory" ("status");`);
    this.addSql(
      `create index "center_directory_supporting_unit_id_index" on "funding"."center_directory" ("supporting_unit_id");`,
    );
    this.addSql(
      `create index "center_directory_construction_unit_id_index" on "funding"."center_directory" ("construction_unit_id");`,
    );
    this.addSql(
      `create index "center_directory_recommender_id_index" on "funding"."center_directory" ("recommender_id");`,
    );
    this.addSql(`create index "center_directory_region_code_index" on "funding"."center_directory" ("region_code");`);

    this.addSql(
      `create table "funding"."event_failure" ("consumer" text not null, "event_id" text not null, "failures" int not null, "last_error" text not null, "last_failed_at" timestamptz not null, constraint "event_failure_pkey" primary key ("consumer", "event_id"));`,
    );

    this.addSql(
      `create table "funding"."funding_source_line" ("id" uuid not null, "center_id" uuid not null, "year" int not null, "source" text not null, "amount_fen" bigint not null, "note" text null, "recorded_by" text not null, "recorded_at" timestamptz not null, constraint "funding_source_line_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "funding"."funding_source_line" add constraint "funding_source_line_center_id_year_source_unique" unique ("center_id", "year", "source");`,
    );

    this.addSql(
      `create table "funding"."history_entry" ("id" uuid not null, "aggregate_type" text not null, "aggregate_id" uuid not null, "aggregate_version" int not null, "action" text not null, "from_status" text null, "to_status" text null, "actor_user_id" text null, "actor_name" text null, "actor_role" text null, "comment" text null, "article" text null, "findings" jsonb not null, "correlation_id" text null, "at" timestamptz not null, constraint "history_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "history_entry_aggregate_id_aggregate_version_index" on "funding"."history_entry" ("aggregate_id", "aggregate_version");`,
    );

    this.addSql(
      `create table "funding"."idempotency_record" ("caller_id" text not null, "key" text not null, "operation" text not null, "fingerprint" text not null, "result" jsonb null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("caller_id", "key"));`,
    );
    this.addSql(`create index "idempotency_record_created_at_index" on "funding"."idempotency_record" ("created_at");`);

    this.addSql(
      `create table "funding"."inbox_entry" ("consumer" text not null, "event_id" uuid not null, "type" text not null, "processed_at" timestamptz not null, constraint "inbox_entry_pkey" primary key ("consumer", "event_id"));`,
    );

    this.addSql(
      `create table "funding"."ledger_entry" ("id" uuid not null, "allocation_id" uuid not null, "sequence" int not null, "kind" text not null, "spent_on" date not null, "amount_fen" bigint not null, "category" text not null, "payee" text not null, "voucher_ref" text not null, "procurement" boolean not null, "state_asset" boolean not null, "reverses" uuid null, "reversed_by" uuid null, "note" text null, "recorded_by" text not null, "recorded_by_user_id" text not null, "balance_after_fen" bigint not null, "recorded_at" timestamptz not null, constraint "ledger_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "funding"."ledger_entry" add constraint "ledger_entry_reverses_unique" unique ("reverses");`,
    );
    this.addSql(
      `create index "ledger_entry_allocation_id_category_index" on "funding"."ledger_entry" ("allocation_id", "category");`,
    );
    this.addSql(
      `alter table "funding"."ledger_entry" add constraint "ledger_entry_allocation_id_sequence_unique" unique ("allocation_id", "sequence");`,
    );

    this.addSql(
      `create table "funding"."misuse_finding" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "allocation_id" uuid not null, "center_id" uuid not null, "kind" text not null, "amount_fen" bigint not null, "description" text not null, "found_on" date not null, "recover_fen" bigint not null, "suspend_allocation" boolean not null, "revocation_proposed" boolean not null, "recorded_by" text not null, constraint "misuse_finding_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "misuse_finding_allocation_id_index" on "funding"."misuse_finding" ("allocation_id");`);
    this.addSql(`create index "misuse_finding_center_id_index" on "funding"."misuse_finding" ("center_id");`);

    this.addSql(
      `create table "funding"."outbox_event" ("seq" bigserial primary key, "event_id" uuid not null, "type" text not null, "subject" uuid not null, "aggregate_version" int not null, "document" jsonb not null, "created_at" timestamptz not null, "published_at" timestamptz null, "position" bigint null, "stream_seq" bigint null, "attempts" int not null default 0, "last_error" text null, "failed_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "funding"."outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`,
    );
    this.addSql(
      `alter table "funding"."outbox_event" add constraint "outbox_event_position_unique" unique ("position");`,
    );
    this.addSql(
      `create index "outbox_event_failed_idx" on "funding"."outbox_event" ("subject", "seq") where "failed_at" is not null and "published_at" is null;`,
    );
    this.addSql(`create index "outbox_event_stream_seq_index" on "funding"."outbox_event" ("stream_seq");`);
    this.addSql(
      `create index "outbox_event_published_at_seq_index" on "funding"."outbox_event" ("published_at", "seq");`,
    );

    this.addSql(
      `create table "funding"."parked_event" ("id" bigserial primary key, "consumer" text not null, "reason" text not null, "event_id" text null, "aggregate_id" text null, "aggregate_version" int null, "nats_subject" text not null, "stream_sequence" bigint not null, "payload" text not null, "errors" jsonb not null, "parked_at" timestamptz not null, "replayed_at" timestamptz null, "replay_attempts" int not null default 0);`,
    );
    this.addSql(
      `create index "parked_event_consumer_aggregate_id_aggregate_version_index" on "funding"."parked_event" ("consumer", "aggregate_id", "aggregate_version");`,
    );
    this.addSql(
      `alter table "funding"."parked_event" add constraint "parked_event_consumer_event_id_unique" unique ("consumer", "event_id");`,
    );

    this.addSql(
      `create table "funding"."policy_support_proposal" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "evaluation_id" uuid not null, "round_id" uuid not null, "center_id" uuid not null, "score" double precision not null, "proposed_on" date not null, "status" text not null default 'proposed', "allocation_id" uuid null, "decline_reason" text null, "decided_on" date null, constraint "policy_support_proposal_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "funding"."policy_support_proposal" add constraint "policy_support_proposal_evaluation_id_unique" unique ("evaluation_id");`,
    );
    this.addSql(
      `create index "policy_support_proposal_center_id_index" on "funding"."policy_support_proposal" ("center_id");`,
    );
    this.addSql(
      `create index "policy_support_proposal_status_index" on "funding"."policy_support_proposal" ("status");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "funding"."allocation" cascade;`);

    this.addSql(`drop table if exists "funding"."consumer_position" cascade;`);

    this.addSql(`drop table if exists "funding"."center_directory" cascade;`);

    this.addSql(`drop table if exists "funding"."event_failure" cascade;`);

    this.addSql(`drop table if exists "funding"."funding_source_line" cascade;`);

    this.addSql(`drop table if exists "funding"."history_entry" cascade;`);

    this.addSql(`drop table if exists "funding"."idempotency_record" cascade;`);

    this.addSql(`drop table if exists "funding"."inbox_entry" cascade;`);

    this.addSql(`drop table if exists "funding"."ledger_entry" cascade;`);

    this.addSql(`drop table if exists "funding"."misuse_finding" cascade;`);

    this.addSql(`drop table if exists "funding"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "funding"."parked_event" cascade;`);

    this.addSql(`drop table if exists "funding"."policy_support_proposal" cascade;`);

    this.addSql(`drop schema if exists "funding";`);
  }
}
