// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title AnchorRegistryRootOnly — a layout for the gas benchmark only, never deployed for use
/// @notice The registry's anchor storing only each checkpoint's root: its block number and time
/// would have to come from the Anchored event's block (eth_getLogs and the block header) instead
/// of checkpointAt, which DESIGN §2 does not allow. Same checks as contracts/AnchorRegistry.sol;
/// the benchmark measures what storing the block and time costs.
contract AnchorRegistryRootOnly {
    struct Log {
        address submitter;
        uint64 latestSize;
    }

    address private _owner;
    mapping(bytes32 => Log) private _logs;
    mapping(bytes32 => mapping(uint64 => bytes32)) private _roots;

    event Anchored(bytes32 indexed logId, uint64 treeSize, bytes32 rootHash);

    error NotOwner(address caller);
    error NotSubmitter(bytes32 logId, address caller);
    error TreeSizeNotGreater(bytes32 logId, uint64 latestSize, uint64 treeSize);
    error ZeroRoot();

    constructor() {
        _owner = msg.sender;
    }

    function anchor(bytes32 logId, uint64 treeSize, bytes32 rootHash) external {
        Log storage log = _logs[logId];
        if (log.submitter != msg.sender) revert NotSubmitter(logId, msg.sender);
        if (treeSize <= log.latestSize) revert TreeSizeNotGreater(logId, log.latestSize, treeSize);
        if (rootHash == bytes32(0)) revert ZeroRoot();
        log.latestSize = treeSize;
        _roots[logId][treeSize] = rootHash;
        emit Anchored(logId, treeSize, rootHash);
    }

    function rootAt(bytes32 logId, uint64 treeSize) external view returns (bytes32) {
        return _roots[logId][treeSize];
    }

    function setSubmitter(bytes32 logId, address submitter) external {
        if (msg.sender != _owner) revert NotOwner(msg.sender);
        _logs[logId].submitter = submitter;
    }
}
