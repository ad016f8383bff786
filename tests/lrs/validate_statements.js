// Reads a JSON array of xAPI statements on stdin and prints, as JSON, the problems Learning
// Locker's validator (npm @learninglocker/xapi-validation) finds in each: [[index, message]...].
const validate = require("@learninglocker/xapi-validation").default;

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const problems = [];
  JSON.parse(input).forEach((statement, index) => {
    for (const warning of validate(statement)) {
      problems.push([index, `${warning.path.join(".")}: ${warning.constructor.name} ${JSON.stringify(warning.data ?? null).slice(0, 200)}`]);
    }
  });
  process.stdout.write(JSON.stringify(problems));
});
