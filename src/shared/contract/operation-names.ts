/**
 * The operation names alone, without their schemas: what the preload bridge needs (it stays tiny,
 * and never bundles the schema library). `operations.ts` checks at compile time that the two agree.
 */
export const OPERATION_NAME_LIST = [
  'listJobs',
  'sendJob',
  'getJob',
  'replayJob',
  'retryJob',
  'cancelJob',
  'deleteJob',
  'bulkJobs',
  'getStats',
  'getWorkers',
  'setWorkers',
  'getSettings',
  'getToken',
  'regenerateToken',
  'updateSettings',
] as const
