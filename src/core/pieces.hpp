#pragma once
// Work cut into pieces that may be done at once. Core cuts a large file into pieces and joins
// what each piece gives; who does the pieces, and on how many threads, is the caller's (the app
// gives them threads, a test does them in turn), so core itself starts no thread.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string_view>
#include <vector>

namespace assure {

using Task = std::function<void()>;
// Does every task and returns when all are done, perhaps several at once: a task must touch
// only what is its own, or what it shares under a lock (InOrder). When a task throws, the
// exception reaches the caller once the tasks already started have ended.
using RunTasks = std::function<void(std::vector<Task>&)>;

// One after another, on the calling thread.
void run_in_turn(std::vector<Task>& tasks);

// The line breaks ('\n') in `text`, eight bytes at a time: a piece's first line is the count
// of those before it, and a census is a quarter of a gigabyte.
std::size_t line_breaks(std::string_view text);

// Whether a value is in two of the lists (a value repeated within one list does not count):
// what each piece met, hashed, to find a key that must not repeat in two pieces.
bool shared_between(std::vector<std::vector<std::uint64_t>> lists);

// Joins pieces in their order while later pieces are still being read: `join(i)` is called for
// piece 0, 1, 2… in turn, each once it and every piece before it are done, on the thread of the
// piece whose `done` completes the run; never two joins at once, and the other threads go on to
// their next pieces meanwhile. A piece's rows so joined free its memory for the pieces after it.
class InOrder {
public:
    InOrder(std::size_t count, std::function<void(std::size_t piece)> join);
    void done(std::size_t piece);

private:
    std::mutex mutex_;
    std::vector<bool> done_;
    std::size_t next_ = 0;  // the first piece not yet joined
    bool joining_ = false;
    std::function<void(std::size_t)> join_;
};

// How a reader may cut its file: into at most `count` pieces, done by `run`. One piece is the
// whole file read straight through.
struct Pieces {
    std::size_t count = 1;
    RunTasks run = run_in_turn;
};

}  // namespace assure
