/** The audit log: append-only, hash-chained by the database, verified and read here. */
export { AUDIT_CHAIN_LOCK, GENESIS_HASH, chainHash, hashLink } from './chain.js';
export { recordAuditEvent, recordAuditEvents } from './record.js';
export { lastSequence, verifyAuditChain, type AuditLink, type AuditChainProgress, type AuditChainVerdict, type BrokenLink, type IntactChain, type VerifyOptions } from './verify.js';
export { queryAuditEvents, whoLookedAt, type AuditPage, type AuditQuery, type LookOptions } from './query.js';
