/** One queue per owning module. */
export const QUEUE_NAMES = ['rounds', 'notifications', 'mail', 'privacy'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];
