/// What to do with one file when a change made on top of `ancestor` must be applied on a
/// different tip (`theirs`): the decision behind CAS retries and push replays.
///
/// Pure: it compares blob ids only. `.mergeContent` means both sides edited the file and a
/// line-level 3-way merge (libgit2's `git_merge_file`) decides; anything else is settled here.
public enum ReplayDecision: Sendable, Equatable {
    /// Our side did not change the file, or both sides made the same change: keep theirs.
    case keepTheirs
    /// Only our side changed it: take ours (a blob, or nil for a deletion).
    case takeOurs
    /// Both sides changed the content differently: try a 3-way merge of the file.
    case mergeContent
    /// Incompatible: one side deleted or created what the other changed. Report it.
    case conflict

    /// Decides from file versions — blob id and mode — (nil = file absent) at the ancestor, on our side and on theirs.
    public static func decide<Version: Equatable>(ancestor: Version?, ours: Version?, theirs: Version?) -> ReplayDecision {
        if ours == ancestor { return .keepTheirs }
        if theirs == ancestor { return .takeOurs }
        if theirs == ours { return .keepTheirs }
        if ancestor != nil, ours != nil, theirs != nil { return .mergeContent }
        return .conflict
    }
}
