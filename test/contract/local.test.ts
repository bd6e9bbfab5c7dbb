import { createLocalClient } from '../../src/core/api/local-client'
import { describeEngineApiContract } from './engine-api.suite'

describeEngineApiContract('the in-process client', (t) => createLocalClient(() => t.engine.api(), (listener) => t.engine.subscribe(listener)))
