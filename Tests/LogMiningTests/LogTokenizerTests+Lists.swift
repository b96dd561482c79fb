import LogMining
import XCTest

/// A list of names is one variable however long it is (`to delete <*>`, as Loghub writes it), so
/// one event's lines keep one token count; side-by-side fields of other kinds stay apart.
extension LogTokenizerTests {
    func testAListOfNamesIsOneVariable() {
        XCTAssertEqual(tokenizer.tokenize("BLOCK* ask 10.250.9.1:50010 to delete  blk_-1201 blk_77 blk_-3"),
                       ["BLOCK*", "ask", "<*>", "to", "delete", "<*>"])
        XCTAssertEqual(tokenizer.tokenize("BLOCK* ask 10.250.9.1:50010 to delete  blk_-1201"),
                       ["BLOCK*", "ask", "<*>", "to", "delete", "<*>"])
        XCTAssertEqual(tokenizer.tokenize("to datanode(s) 10.251.1.7:50010 10.250.3.3:50010"), ["to", "datanode(s)", "<*>"])
        XCTAssertEqual(tokenizer.tokenize("evicted deadbeefcafe 0123abcd9876 done"), ["evicted", "<*>", "done"])
        // Commas between the names and punctuation after the last stay around the one variable.
        XCTAssertEqual(tokenizer.tokenize("deleting blk_1, blk_2, blk_3."), ["deleting", "<*>."])
        XCTAssertEqual(tokenizer.tokenize("deleting blk_1."), ["deleting", "<*>."])
        // The list may end the line.
        XCTAssertEqual(tokenizer.tokenize("ids blk_1 blk_22"), ["ids", "<*>"])
    }

    func testNeighbouringFieldsOfOneKindStayApart() {
        // Numbers, timestamps and quoted strings stand side by side as separate fields.
        XCTAssertEqual(tokenizer.tokenize("\"GET / HTTP/1.1\" 200 5120 \"-\" \"curl/8.4.0\""),
                       ["\"<*>\"", "<*>", "<*>", "\"<*>\"", "\"<*>\""])
        XCTAssertEqual(tokenizer.tokenize("2024-12-02 10:00:00,123 started"), ["<*>", "<*>", "started"])
        // Identifiers of different families (the bytes before the first digit or dash differ),
        // and signed numbers with units, which have no family.
        XCTAssertEqual(tokenizer.tokenize("processing cxid:0x54 zxid:0x1a7 reqpath:n/a"), ["processing", "<*>", "<*>", "reqpath:n/a"])
        XCTAssertEqual(tokenizer.tokenize("drift -12ms -3ms"), ["drift", "<*>", "<*>"])
        // A copy's source and destination: paths and URLs never join.
        XCTAssertEqual(tokenizer.tokenize("copied /data/1 /data/2 now"), ["copied", "<*>", "<*>", "now"])
        XCTAssertEqual(tokenizer.tokenize("redirect http://10.0.0.1/x http://10.0.0.2/y"), ["redirect", "<*>", "<*>"])
        // A shaped variable (`[<*>]`, `key=<*>`) is a field, never part of a list.
        XCTAssertEqual(tokenizer.tokenize("nodes [10.0.0.1] [10.0.0.2] a=10.0.0.3 b=10.0.0.4"), ["nodes", "[<*>]", "[<*>]", "a=<*>", "b=<*>"])
    }
}
