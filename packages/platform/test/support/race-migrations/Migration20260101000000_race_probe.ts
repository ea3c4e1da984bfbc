import { Migration } from '@mikro-orm/migrations';

/** A migration that takes a moment, so that a replica starting meanwhile would apply it as well. */
export class Migration20260101000000_race_probe extends Migration {
  override up(): void {
    this.addSql('create table "migration_race"."probe" ("id" int primary key);');
    this.addSql('select pg_sleep(0.5);');
  }
}
