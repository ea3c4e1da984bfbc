import { interleaveJournals, runsOf, type JournalEntry } from './journal-order';

function entry(service: string, position: number, at: string): JournalEntry {
  return {
    service,
    seq: String(position),
    eventId: `${service}-${position}`,
    type: `tic.${service}.test`,
    position: String(position),
    createdAt: new Date(`2027-05-01T08:00:${at}Z`),
  };
}

const ids = (entries: readonly JournalEntry[]) => entries.map((e) => e.eventId);

describe('the order a stream rebuilt from the journals gets', () => {
  it('interleaves the services by commit time', () => {
    const applications = [entry('applications', 1, '01'), entry('applications', 2, '04')];
    const funding = [entry('funding', 1, '02'), entry('funding', 2, '03'), entry('funding', 3, '05')];
    expect(ids(interleaveJournals([applications, funding]))).toEqual([
      'applications-1',
      'funding-1',
      'funding-2',
      'applications-2',
      'funding-3',
    ]);
  });

  it('keeps each journal in position order even where a late commit took a later position', () => {
    // Position 2 committed before position 1 was published: the journal order stands.
    const personnel = [entry('personnel', 1, '05'), entry('personnel', 2, '02')];
    const funding = [entry('funding', 1, '03')];
    expect(ids(interleaveJournals([personnel, funding]))).toEqual(['funding-1', 'personnel-1', 'personnel-2']);
  });

  it('goes out in runs of one service, none longer than asked', () => {
    const runs = runsOf(
      [
        entry('applications', 1, '01'),
        entry('applications', 2, '02'),
        entry('applications', 3, '03'),
        entry('funding', 1, '04'),
        entry('applications', 4, '05'),
      ],
      2,
    );
    expect(runs.map(ids)).toEqual([
      ['applications-1', 'applications-2'],
      ['applications-3'],
      ['funding-1'],
      ['applications-4'],
    ]);
  });
});
