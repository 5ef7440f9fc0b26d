// The config and the /v1 protocol as JSON Schema, for vendors who write their own backend or config tooling.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import * as core from '@ai-interview-exit/core';
import * as intent from '@ai-interview-exit/core/intent';

const out = 'packages/core/dist/schema';
const schemas = {
  config: [core.ExitConfigSchema, 'input'],
  'exit-context': [core.ExitContextSchema, 'output'],
  'progress-snapshot': [core.ProgressSnapshotSchema, 'output'],
  'exit-record': [core.ExitRecordSchema, 'output'],
  'exit-receipt': [core.ExitReceiptSchema, 'output'],
  'deletion-request': [core.DeletionRequestSchema, 'output'],
  'deletion-receipt': [core.DeletionReceiptSchema, 'output'],
  'interview-status': [core.InterviewStatusSchema, 'output'],
  'interview-ref': [core.InterviewRefSchema, 'output'],
  'send-code-request': [core.SendCodeRequestSchema, 'output'],
  'code-challenge': [core.CodeChallengeSchema, 'output'],
  'verify-code-request': [core.VerifyCodeRequestSchema, 'output'],
  'verify-code-result': [core.VerifyCodeResultSchema, 'output'],
  'save-progress-result': [core.SaveProgressResultSchema, 'output'],
  'follow-up-request': [core.FollowUpRequestSchema, 'output'],
  'follow-up-result': [core.FollowUpResultSchema, 'output'],
  'handoff-request': [core.HandoffRequestSchema, 'output'],
  'handoff-result': [core.HandoffResultSchema, 'output'],
  'nudge-record': [intent.NudgeRecordSchema, 'output'],
  'nudge-receipt': [intent.NudgeReceiptSchema, 'output'],
};

// Core checks whole numbers with a refinement (smaller in the browser than z.int()); say so here.
function override({ zodSchema, jsonSchema }) {
  const checks = zodSchema._zod.def.checks ?? [];
  if (checks.some((check) => check._zod.def.fn === Number.isInteger)) jsonSchema.type = 'integer';
}

mkdirSync(out, { recursive: true });
const protocol = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'ai-interview-exit protocol', $defs: {} };
for (const [name, [schema, io]] of Object.entries(schemas)) {
  const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', override });
  writeFileSync(`${out}/${name}.schema.json`, `${JSON.stringify({ title: name, ...json }, null, 2)}\n`);
  const { $schema, ...definition } = json;
  protocol.$defs[name] = definition;
}
writeFileSync(`${out}/protocol.schema.json`, `${JSON.stringify(protocol, null, 2)}\n`);
console.log(`json-schema: ${Object.keys(schemas).length} schemas and protocol.schema.json in ${out}`);
