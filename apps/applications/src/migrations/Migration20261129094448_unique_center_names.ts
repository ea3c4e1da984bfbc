import { Migration } from '@mikro-orm/migrations';

export class Migration20261129094448_unique_center_names extends Migration {
  override async up(): Promise<void> {
    // A37: names of centers that are not revoked become unique. A database that already holds a name twice
    // (repeated demo runs, tests sharing one database) is not refused, which would stop the service from
    // starting there: the oldest center keeps the name, each later one is marked with its id until DST
    // renames it (A26), and the marked names are listed in the migration's notice.
    this.addSql(`with ranked as (
      select "id", row_number() over (partition by "name_zh" order by "established_on", "created_at", "id") as "n"
      from "applications"."center" where "status" <> 'revoked')
    update "applications"."center" c
    set "name_zh" = c."name_zh" || '（重名待更名' || c."id"::text || '）',
        "name_en" = c."name_en" || ' (duplicate, to be renamed ' || c."id"::text || ')'
    from ranked r where r."id" = c."id" and r."n" > 1;`);
    this.addSql(`with ranked as (
      select "id", row_number() over (partition by lower("name_en") order by "established_on", "created_at", "id") as "n"
      from "applications"."center" where "status" <> 'revoked')
    update "applications"."center" c
    set "name_en" = c."name_en" || ' (duplicate, to be renamed ' || c."id"::text || ')'
    from ranked r where r."id" = c."id" and r."n" > 1;`);
    this.addSql(`do $$ declare marked text; begin
      select string_agg("id"::text, ', ') into marked from "applications"."center"
      where "name_zh" like '%（重名待更名%' or "name_en" like '% (duplicate, to be renamed %';
      if marked is not null then raise notice 'A37: centers renamed as duplicates, for DST to rename: %', marked; end if;
    end $$;`);
    this.addSql(
      `create unique index "center_name_en_live_unique" on "applications"."center" (lower("name_en")) where "status" <> 'revoked';`,
    );
    this.addSql(
      `create unique index "center_name_zh_live_unique" on "applications"."center" ("name_zh") where "status" <> 'revoked';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "applications"."center_name_en_live_unique";`);
    this.addSql(`drop index "applications"."center_name_zh_live_unique";`);
  }
}
