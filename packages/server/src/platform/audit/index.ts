/** The audit log: append-only, sealed into a hash chain after commit, verified and read here. */
export { AUDIT_CHAIN_LOCK, GENESIS_HASH, chainHash, hashLink } from './chain.js';
export { recordAuditEvent, recordAuditEvents } from './record.js';
export { sealAuditEvents, startAuditSealer, unsealedCount, type AuditSealer } from './seal.js';
export { lastPosition, verifyAuditChain, type AuditLink, type AuditChainProgress, type AuditChainVerdict, type BrokenLink, type IntactChain, type VerifyOptions } from './verify.js';
export { queryAuditEvents, whoLookedAt, type AuditPage, type AuditQuery, type LookOptions } from './query.js';
