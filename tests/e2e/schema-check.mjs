// Checks Preflight bundle files, or runtime config files, against the published JSON Schemas
// (format v1).
//
//   node schema-check.mjs FILE...             prints "FILE: valid" or one "FILE: <path> <message>"
//                                             line per error, and exits 1 if any file is invalid.
//   node schema-check.mjs --config FILE...    the same against the config schema (config.json).
//
// The schema checks shape only; `preflight bundle validate FILE...` (the Rust importer) also
// checks the checksum, real calendar dates and the rest its description lists. The app's config
// reader also checks what its schema's description lists (colour contrast, increasing offsets…).

import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const SCHEMA_PATHS = {
  bundle: resolve(here, '../../public/schema/bundle-v1.schema.json'),
  config: resolve(here, '../../public/schema/config-v1.schema.json'),
};

const compiled = {};

function validator(kind) {
  if (!compiled[kind]) {
    const schema = JSON.parse(readFileSync(SCHEMA_PATHS[kind], 'utf8'));
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    compiled[kind] = ajv.compile(schema);
  }
  return compiled[kind];
}

/**
 * Validates a parsed bundle against the schema.
 * @param {unknown} obj the parsed JSON document
 * @returns {{valid: boolean, errors: string[]}} errors as "<instancePath> <message>"
 */
export function validateBundle(obj) {
  return validateWith('bundle', obj);
}

/**
 * Validates a parsed runtime config (config.json) against its schema.
 * @param {unknown} obj the parsed JSON document
 * @returns {{valid: boolean, errors: string[]}} errors as "<instancePath> <message>"
 */
export function validateConfig(obj) {
  return validateWith('config', obj);
}

function validateWith(kind, obj) {
  const validate = validator(kind);
  const valid = validate(obj) === true;
  const errors = valid
    ? []
    : (validate.errors ?? [])
        // A bad property name is reported twice: by the keyword that failed inside
        // `propertyNames` (which carries the name) and by `propertyNames` itself. Keep the first.
        .filter((e) => e.keyword !== 'propertyNames')
        .map((e) => `${e.instancePath || '(root)'} ${describe(e)}`);
  return { valid, errors };
}

function describe(e) {
  const message = describeKeyword(e);
  return e.propertyName === undefined
    ? message
    : `property name ${JSON.stringify(e.propertyName)} ${message}`;
}

function describeKeyword(e) {
  switch (e.keyword) {
    case 'pattern':
      // The date patterns are long: name the rule instead of printing it.
      return e.params.pattern.length > 40
        ? `must match the pattern at ${e.schemaPath}`
        : e.message;
    case 'required':
      return `must have required property '${e.params.missingProperty}'`;
    case 'enum':
      return `${e.message}: ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(e.params.allowedValue)}`;
    case 'additionalProperties':
      // Name the unknown member, as the app's notice does.
      return `must NOT have additional property ${JSON.stringify(e.params.additionalProperty)}`;
    default:
      return e.message;
  }
}

// Untrusted text made safe to print: control characters other than tab become U+FFFD.
function printable(s) {
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '\ufffd');
}

function main(args) {
  const config = args[0] === '--config';
  const files = config ? args.slice(1) : args;
  if (files.length === 0) {
    console.error('usage: node schema-check.mjs [--config] FILE...');
    return 2;
  }
  const check = config ? validateConfig : validateBundle;
  let ok = true;
  for (const file of files) {
    let doc;
    try {
      // A leading byte-order mark is allowed, as by the importer.
      doc = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch (err) {
      console.log(printable(`${file}: (root) not readable as JSON: ${err.message}`));
      ok = false;
      continue;
    }
    const { valid, errors } = check(doc);
    if (valid) {
      console.log(printable(`${file}: valid`));
    } else {
      ok = false;
      for (const line of errors) console.log(printable(`${file}: ${line}`));
    }
  }
  return ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
