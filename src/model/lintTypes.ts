/** What the scenario lint reports. */

/** Stable ids of the lint rules (for tests, docs and "ignore" lists). */
export type LintCode =
  | 'timeoutAboveVisibility'
  | 'visibilityHeadroom'
  | 'lowMaxReceiveCount'
  | 'noPartialBatchResponse'
  | 'dlqRetention'
  | 'streamPoisonRecord'
  | 'sqsBatchWindow'
  | 'fifoTargetWithoutGroup'
  | 'fifoPublishWithoutGroup'
  | 'eventLoop'
  | 'ruleMatchesOwnOutput'
  | 'ruleWithoutBus'
  | 'ruleWithoutTargets'
  | 'destinationNeverUsed'
  | 'reservedConcurrency'
  | 'ignoredSetting'
  | 'duplicateName';

/** One risky setting AWS warns about (warning) or refuses at deploy time (error). */
export interface LintFinding {
  severity: 'warning' | 'error';
  code: LintCode;
  /** JSON pointer of the setting to change. */
  path: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
}
