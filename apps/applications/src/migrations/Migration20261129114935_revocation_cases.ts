import { Migration } from '@mikro-orm/migrations';

// A31: revocation cases (grounds, evidence, the units' answer, DST's decision, the filing with the committee
// office). The center's units are copied onto the case so that it is read in the same scope as its center.
export class Migration20261129114935_revocation_cases extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "applications"."revocation_case" ("id" uuid not null, "version" int not null default 1, "event_version" int not null default 0, "created_at" timestamptz not null, "center_id" uuid not null, "grounds" jsonb not null, "status" text not null, "origin" text not null, "cause" text not null, "statement" text null, "evidence" jsonb not null, "proposed_on" date null, "opened_on" date null, "answer_by" date null, "answer_statement" text null, "answer_evidence" jsonb not null, "answered_on" date null, "decision" text null, "decision_reason" text null, "decided_on" date null, "filed_on" date null, "document_ref" text null, "supporting_unit_id" uuid not null, "construction_unit_id" uuid not null, "recommender_id" uuid not null, "co_builder_ids" jsonb not null, constraint "revocation_case_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "revocation_case_center_id_index" on "applications"."revocation_case" ("center_id");`);
    this.addSql(`create index "revocation_case_status_index" on "applications"."revocation_case" ("status");`);
    this.addSql(
      `create index "revocation_case_supporting_unit_id_index" on "applications"."revocation_case" ("supporting_unit_id");`,
    );
    this.addSql(
      `create index "revocation_case_recommender_id_index" on "applications"."revocation_case" ("recommender_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "applications"."revocation_case" cascade;`);
  }
}
