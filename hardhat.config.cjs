// The local dev chain for Purrr's blockchain tests (`hardhat node`): chain 1337, the well-known test mnemonic, so test
// keys are fixed and never hold real funds. Contracts are compiled by tools/compile-contracts.mjs, not by Hardhat.
module.exports = {
    networks: {
        hardhat: {
            chainId: 1337,
            hardfork: "cancun",
            accounts: { mnemonic: "test test test test test test test test test test test junk" },
        },
    },
};
