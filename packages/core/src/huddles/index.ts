/** Weekly and fortnightly MDT huddles: series and calendar, agendas with reasons, reviews, actions as tasks, the frozen record and measures. */
export * from './local-time.js';
export * from './series.js';
export * from './ics.js';
export * from './sbar.js';
export * from './agenda-reasons.js';
export * from './agenda.js';
export * from './review.js';
export * from './tasks.js';
export * from './meeting.js';
export * from './measures.js';
export * from './task-views.js';
export * from './meeting-views.js';
export * from './views.js';
