// Compiles contracts/PurrrCats.sol with the pinned solc-js into Purrr.Data/Blockchain/PurrrCats.json (ABI + bytecode),
// which is committed and embedded in Purrr.Data, so the .NET build and its tests never need Node. Run: npm ci && npm run compile-contracts
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const solc = require("solc");
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = "contracts/PurrrCats.sol";

const input = {
    language: "Solidity",
    sources: { [source]: { content: readFileSync(join(root, source), "utf8") } },
    settings: {
        evmVersion: "cancun", // set explicitly: the default moves with solc releases, the artifact must not
        optimizer: { enabled: true, runs: 200 },
        outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
    },
};

function findImports(path) {
    try {
        return { contents: readFileSync(require.resolve(path), "utf8") };
    } catch {
        return { error: `Not found: ${path}` };
    }
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter(e => e.severity === "error");
for (const e of output.errors ?? []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);

const contract = output.contracts[source].PurrrCats;
const artifact = {
    contractName: "PurrrCats",
    source,
    compiler: `solc-js ${solc.version()}`,
    evmVersion: input.settings.evmVersion,
    optimizer: input.settings.optimizer,
    abi: contract.abi,
    bytecode: "0x" + contract.evm.bytecode.object,
    deployedBytecode: "0x" + contract.evm.deployedBytecode.object,
};
const target = join(root, "Purrr.Data", "Blockchain", "PurrrCats.json");
writeFileSync(target, JSON.stringify(artifact, null, 2) + "\n");
console.log(`compiled PurrrCats with ${artifact.compiler} → ${target}`);
