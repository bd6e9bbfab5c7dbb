/**
 * Mapping between the wire's Settings and the engine's config, so the API, persistence and the
 * hosts' flags all act on one config object.
 */
import type { Settings, SettingsPatch } from '../../shared/contract/inputs'
import type { EngineConfig } from '../config'

export function settingsOf(config: EngineConfig): Settings {
  return {
    retry_policy: config.retryPolicy,
    request_timeout_ms: config.requestTimeoutMs,
    worker_count: config.workerCount,
    retention: { succeeded_days: config.retentionSucceededDays, failed_days: config.retentionFailedDays },
    body_limit_bytes: config.bodyLimitBytes,
  }
}

export function configPatchOf(patch: SettingsPatch): Partial<EngineConfig> {
  const out: Partial<EngineConfig> = {}
  if (patch.retry_policy !== undefined) out.retryPolicy = patch.retry_policy
  if (patch.request_timeout_ms !== undefined) out.requestTimeoutMs = patch.request_timeout_ms
  if (patch.worker_count !== undefined) out.workerCount = patch.worker_count
  if (patch.retention !== undefined) {
    out.retentionSucceededDays = patch.retention.succeeded_days
    out.retentionFailedDays = patch.retention.failed_days
  }
  if (patch.body_limit_bytes !== undefined) out.bodyLimitBytes = patch.body_limit_bytes
  return out
}
