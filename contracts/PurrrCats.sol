// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721URIStorage} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721URIStorage.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Purrr cats
/// @notice One token per Purrr cat. Only the platform's minter (the owner) mints; holders transfer as any ERC-721.
contract PurrrCats is ERC721URIStorage, Ownable {
    uint256 private _nextTokenId = 1;

    constructor(address initialOwner) ERC721("Purrr Cats", "PURRR") Ownable(initialOwner) {}

    /// @notice Mints the next token to `to` with its metadata at `uri`; returns the new token id.
    function mint(address to, string calldata uri) external onlyOwner returns (uint256) {
        uint256 tokenId = _nextTokenId++;
        _safeMint(to, tokenId);
        _setTokenURI(tokenId, uri);
        return tokenId;
    }
}
