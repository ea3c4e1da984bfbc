import { Migration } from '@mikro-orm/migrations';

import { seedDeadlineEventVersionsSql } from '@tic/deadlines';

// Deadlines from before event_version: their events go on from what the journal already published.
export class Migration20261129090000_deadline_event_versions extends Migration {
  override async up(): Promise<void> {
    this.addSql(seedDeadlineEventVersionsSql('personnel'));
  }

  override async down(): Promise<void> {
    // The numbers stay: lowering them would publish versions consumers have already applied.
  }
}
