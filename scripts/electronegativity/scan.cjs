// Runs Electronegativity on one folder and writes what it found as JSON:
//   node --require ./offline.cjs scan.cjs <folder> <result.json>
// The programmatic API is used instead of the CLI because the CLI needs an old `commander`
// that the tool does not declare (ours is newer), and because only the API reports the files
// it could not parse: a file that fails to parse would otherwise just show no findings. Its
// CSV output is no better: the header and the rows go out as two unordered async writes, and
// the header's truncating write can land last and drop every row.
const fs = require('node:fs');
const path = require('node:path');
const runElectronegativity = require('@doyensec/electronegativity');

// Needs the network (Electron's release list): left out so the scan stays offline.
const NETWORK_CHECKS = ['availablesecurityfixesglobalcheck'];

async function main() {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: scan.cjs <folder> <result.json>');
  const result = await runElectronegativity(
    { input, isRelative: true, excludeFromScan: NETWORK_CHECKS },
    false,
  );
  const report = {
    checks: result.globalChecks + result.atomicChecks,
    errors: result.errors.map((e) => ({
      file: path.relative(input, e.file),
      message: e.message,
      tolerable: e.tolerable,
    })),
    findings: result.issues.map((issue) => ({
      check: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      sample: issue.sample ?? '',
      description: issue.description,
      manualReview: Boolean(issue.manualReview),
    })),
  };
  fs.writeFileSync(output, JSON.stringify(report, null, 2));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
