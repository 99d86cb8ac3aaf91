// The browser wallet (EIP-1193 provider at window.ethereum) for the wallet page: pick an account and sign the server's
// one-time message with personal_sign. Replies are { ok, value } or { ok: false, error } so refusals are not exceptions.

function provider() {
    return typeof window.ethereum?.request === "function" ? window.ethereum : null;
}

function reply(error) {
    // 4001: the player said no in their wallet (EIP-1193).
    if (error?.code === 4001) return { ok: false, error: "You declined the request in your wallet." };
    return { ok: false, error: error?.message ? `Your wallet answered: ${error.message}` : "Your wallet did not answer." };
}

export function hasWallet() {
    return provider() !== null;
}

export async function requestAccount() {
    const ethereum = provider();
    if (!ethereum) return { ok: false, error: "No browser wallet found." };
    try {
        const accounts = await ethereum.request({ method: "eth_requestAccounts" });
        return accounts?.length ? { ok: true, value: String(accounts[0]) } : { ok: false, error: "Your wallet shared no account." };
    } catch (error) {
        return reply(error);
    }
}

export async function sign(address, message) {
    const ethereum = provider();
    if (!ethereum) return { ok: false, error: "No browser wallet found." };
    try {
        // personal_sign takes the message as 0x-hex of its UTF-8 bytes, then the address.
        const hex = "0x" + Array.from(new TextEncoder().encode(message), b => b.toString(16).padStart(2, "0")).join("");
        return { ok: true, value: String(await ethereum.request({ method: "personal_sign", params: [hex, address] })) };
    } catch (error) {
        return reply(error);
    }
}

// Sends a transaction the server built (a cat NFT transfer: safeTransferFrom's call data) from the holder's account;
// the wallet signs it and pays its gas. The value is the transaction hash.
export async function sendTransaction(request) {
    const ethereum = provider();
    if (!ethereum) return { ok: false, error: "No browser wallet found." };
    try {
        const hash = await ethereum.request({
            method: "eth_sendTransaction",
            params: [{ from: request.from, to: request.contract, data: request.data, chainId: "0x" + Number(request.chainId).toString(16) }],
        });
        return { ok: true, value: String(hash) };
    } catch (error) {
        return reply(error);
    }
}
