// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title AnchorRegistryUnpacked — a layout for the gas benchmark only, never deployed for use
/// @notice The registry's anchor with each value in a slot of its own: root, block number and
/// block time in three slots per checkpoint, submitter and latest size in two slots per log. Same
/// functions and checks as contracts/AnchorRegistry.sol, which packs block number and time into
/// one slot and submitter and latest size into one; the benchmark measures what that saves.
contract AnchorRegistryUnpacked {
    struct Checkpoint {
        bytes32 rootHash;
        uint256 blockNumber;
        uint256 blockTime;
    }

    address private _owner;
    mapping(bytes32 => address) private _submitters;
    mapping(bytes32 => uint256) private _latestSizes;
    mapping(bytes32 => mapping(uint256 => Checkpoint)) private _checkpoints;

    event Anchored(bytes32 indexed logId, uint64 treeSize, bytes32 rootHash);

    error NotOwner(address caller);
    error NotSubmitter(bytes32 logId, address caller);
    error TreeSizeNotGreater(bytes32 logId, uint64 latestSize, uint64 treeSize);
    error ZeroRoot();

    constructor() {
        _owner = msg.sender;
    }

    function anchor(bytes32 logId, uint64 treeSize, bytes32 rootHash) external {
        if (_submitters[logId] != msg.sender) revert NotSubmitter(logId, msg.sender);
        uint256 latest = _latestSizes[logId];
        if (treeSize <= latest) revert TreeSizeNotGreater(logId, uint64(latest), treeSize);
        if (rootHash == bytes32(0)) revert ZeroRoot();
        _latestSizes[logId] = treeSize;
        _checkpoints[logId][treeSize] = Checkpoint(rootHash, block.number, block.timestamp);
        emit Anchored(logId, treeSize, rootHash);
    }

    function checkpointAt(bytes32 logId, uint64 treeSize)
        external
        view
        returns (bytes32 rootHash, uint64 blockNumber, uint64 blockTime)
    {
        Checkpoint storage c = _checkpoints[logId][treeSize];
        return (c.rootHash, uint64(c.blockNumber), uint64(c.blockTime));
    }

    function setSubmitter(bytes32 logId, address submitter) external {
        if (msg.sender != _owner) revert NotOwner(msg.sender);
        _submitters[logId] = submitter;
    }
}
