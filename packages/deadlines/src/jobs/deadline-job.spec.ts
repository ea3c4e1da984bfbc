import { deadlineQueueName, dueJobId, reminderJobId } from './deadline-job';

describe('job ids derived from the deadline row', () => {
  const id = '0192f6a0-7c1e-7d2a-9b3c-000000000013';

  it('are the same each time, so that deriving a job twice adds it once', () => {
    expect(dueJobId(id)).toBe(dueJobId(id));
    expect(reminderJobId(id, 7)).toBe(`${id}-remind-7`);
    expect(new Set([dueJobId(id), reminderJobId(id, 7), reminderJobId(id, 1)]).size).toBe(3);
  });

  it('never contain a colon, which BullMQ refuses in job ids', () => {
    for (const jobId of [dueJobId(id), reminderJobId(id, 30), deadlineQueueName('personnel')])
      expect(jobId).not.toContain(':');
  });
});
