// One process for IacGoldenOutputTest. Reads a JSON request on stdin:
//   {"terraform": {"<name>": "<HCL text>", ...}, "resourceTypes": ["AWS::IAM::Role", ...]}
// and writes one JSON object on stdout:
//   {"terraform": {"<name>": {"json": <what hcl2json parsed>} | {"error": "<message>"}},
//    "resourceTypes": {"<type>": {"<property>": <required?>, ...} | null when the type is not in the spec}}
// The module folder (.ci/cache/iac/node_modules) is the first argument.
'use strict';
const path = require('path');
const modules = process.argv[2];
const hcl = require(path.join(modules, '@cdktf/hcl2json'));
const cfn = require(path.join(modules, '@aws-cdk/cfnspec'));

async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const request = JSON.parse(input);
  const result = { terraform: {}, resourceTypes: {} };
  for (const [name, text] of Object.entries(request.terraform || {})) {
    try {
      result.terraform[name] = { json: await hcl.parse(name, text) };
    } catch (e) {
      result.terraform[name] = { error: String(e && e.message ? e.message : e) };
    }
  }
  const types = cfn.specification().ResourceTypes;
  for (const type of request.resourceTypes || []) {
    const spec = Object.prototype.hasOwnProperty.call(types, type) ? types[type] : null;
    if (spec === null) {
      result.resourceTypes[type] = null;
      continue;
    }
    const properties = {};
    for (const [property, definition] of Object.entries(spec.Properties || {})) {
      properties[property] = definition.Required === true;
    }
    result.resourceTypes[type] = properties;
  }
  process.stdout.write(JSON.stringify(result));
}

main().catch((e) => { process.stderr.write(String(e && e.stack ? e.stack : e) + '\n'); process.exit(1); });
