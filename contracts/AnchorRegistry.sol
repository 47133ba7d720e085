// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title AnchorRegistry
/// @notice Stores the checkpoints (tree size, root hash) of GovChain's append-only Merkle logs,
/// each with the block that anchored it, so anyone holding a proof bundle can check a root
/// against the chain alone.
/// @dev A log is named by logId = keccak256(utf8(origin)). Each log has at most one submitter,
/// registered by the owner. Anchored tree sizes strictly grow, so a log can never be rolled back
/// on chain; one anchor covers every entry up to its tree size, at a cost independent of it.
contract AnchorRegistry {
    /// @dev A stored checkpoint: 32 bytes of root and one slot for where it was anchored.
    struct Checkpoint {
        bytes32 rootHash;
        uint64 blockNumber;
        uint64 blockTime;
    }

    /// @dev Per-log state packed into one slot: the submitter and the latest anchored size.
    struct Log {
        address submitter;
        uint64 latestSize;
    }

    address private _owner;
    mapping(bytes32 => Log) private _logs;
    mapping(bytes32 => mapping(uint64 => Checkpoint)) private _checkpoints;

    event Anchored(bytes32 indexed logId, uint64 treeSize, bytes32 rootHash);
    event SubmitterSet(bytes32 indexed logId, address indexed previous, address indexed submitter);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    error NotOwner(address caller);
    error NotSubmitter(bytes32 logId, address caller);
    error TreeSizeNotGreater(bytes32 logId, uint64 latestSize, uint64 treeSize);
    error ZeroRoot();
    error ZeroAddress();

    modifier onlyOwner() {
        if (msg.sender != _owner) revert NotOwner(msg.sender);
        _;
    }

    constructor() {
        _owner = msg.sender;
        emit OwnershipTransferred(address(0), msg.sender);
    }

    /// @notice Anchors the checkpoint (treeSize, rootHash) of a log.
    /// @dev Only the log's registered submitter may call; treeSize must exceed the latest
    /// anchored size (so 0 is never accepted) and rootHash must not be zero.
    function anchor(bytes32 logId, uint64 treeSize, bytes32 rootHash) external {
        Log storage log = _logs[logId];
        if (log.submitter != msg.sender) revert NotSubmitter(logId, msg.sender);
        if (treeSize <= log.latestSize) revert TreeSizeNotGreater(logId, log.latestSize, treeSize);
        if (rootHash == bytes32(0)) revert ZeroRoot();
        log.latestSize = treeSize;
        _checkpoints[logId][treeSize] =
            Checkpoint(rootHash, uint64(block.number), uint64(block.timestamp));
        emit Anchored(logId, treeSize, rootHash);
    }

    /// @notice The checkpoint of a log at a tree size; all zeros when it was never anchored.
    function checkpointAt(bytes32 logId, uint64 treeSize)
        external
        view
        returns (bytes32 rootHash, uint64 blockNumber, uint64 blockTime)
    {
        Checkpoint storage c = _checkpoints[logId][treeSize];
        return (c.rootHash, c.blockNumber, c.blockTime);
    }

    /// @notice The newest checkpoint of a log; all zeros when nothing was anchored yet.
    function latest(bytes32 logId)
        external
        view
        returns (uint64 treeSize, bytes32 rootHash, uint64 blockNumber, uint64 blockTime)
    {
        treeSize = _logs[logId].latestSize;
        Checkpoint storage c = _checkpoints[logId][treeSize];
        return (treeSize, c.rootHash, c.blockNumber, c.blockTime);
    }

    /// @notice The address allowed to anchor a log; address(0) when none is registered.
    function submitterOf(bytes32 logId) external view returns (address) {
        return _logs[logId].submitter;
    }

    /// @notice The address that manages submitters and ownership.
    function owner() external view returns (address) {
        return _owner;
    }

    /// @notice Registers (or, with address(0), removes) the submitter of a log.
    /// @dev The log's latest anchored size is kept, so a new submitter cannot roll it back.
    function setSubmitter(bytes32 logId, address submitter) external onlyOwner {
        Log storage log = _logs[logId];
        address previous = log.submitter;
        log.submitter = submitter;
        emit SubmitterSet(logId, previous, submitter);
    }

    /// @notice Hands the registry to a new owner; address(0) is refused.
    function transferOwnership(address newOwner) external onlyOwner {
        if (newOwner == address(0)) revert ZeroAddress();
        address previous = _owner;
        _owner = newOwner;
        emit OwnershipTransferred(previous, newOwner);
    }
}
