// The line protocol every oracle driver (driver.js, layered-driver.js, chain-driver.js) speaks: one JSON request
// per line on stdin, one JSON answer per line on stdout, {"id": ..., <answer fields>} or {"id": ..., "error": "..."},
// in the order of the requests.
'use strict';
const readline = require('readline');

// The ORACLE_DIR argument every driver takes; usage line and exit 2 without it.
function oracleDirArgument(driverName) {
  const oracleDir = process.argv[2];
  if (!oracleDir) {
    process.stderr.write(`usage: node ${driverName} ORACLE_DIR\n`);
    process.exit(2);
  }
  return oracleDir;
}

// answer: async (request) => the fields of its answer line besides id (e.g. {decision}); a throw becomes the
// line's error. Output is written in blocks of 256 lines and at end of input: one write per line would dominate
// the run time. The caller therefore writes from one thread and reads from another.
async function answerLines(answer) {
  let pending = [];
  const flush = () => {
    if (pending.length > 0) {
      process.stdout.write(pending.join(''));
      pending = [];
    }
  };
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  // for-await handles one line at a time, so answers keep the order of the requests
  for await (const line of lines) {
    if (line.trim() === '') {
      continue;
    }
    let id = null;
    try {
      const request = JSON.parse(line);
      id = request.id;
      pending.push(JSON.stringify({ id, ...(await answer(request)) }) + '\n');
    } catch (e) {
      pending.push(JSON.stringify({ id, error: String((e && e.message) || e) }) + '\n');
    }
    if (pending.length >= 256) {
      flush();
    }
  }
  flush();
}

module.exports = { answerLines, oracleDirArgument };
