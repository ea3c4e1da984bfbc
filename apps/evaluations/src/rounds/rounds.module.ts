import { RoundAssignmentsService } from './round-assignments.service';
import { RoundEntrustmentService } from './round-entrustment.service';
import { RoundGradingService } from './round-grading.service';
import { RoundListsService } from './round-lists.service';
import { RoundOpeningService } from './round-opening.service';
import { RoundPublicationService } from './round-publication.service';
import { RoundReadsService } from './round-reads.service';
import { RoundsHandlers } from './rounds.handlers';

/** Evaluation rounds (A28–A30) as app.module.ts lists them. */
export const ROUNDS_MODULE = {
  handlers: [RoundsHandlers],
  providers: [
    RoundOpeningService,
    RoundEntrustmentService,
    RoundAssignmentsService,
    RoundGradingService,
    RoundPublicationService,
    RoundReadsService,
    RoundListsService,
  ],
} as const;
