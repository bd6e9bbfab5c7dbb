import { createHttpClient } from '../../src/shared/contract/http-client'
import { TEST_TOKEN } from '../helpers/test-engine'
import { describeEngineApiContract } from './engine-api.suite'

describeEngineApiContract('HTTP + SSE', (t) => createHttpClient({ baseUrl: t.url, token: TEST_TOKEN }))
