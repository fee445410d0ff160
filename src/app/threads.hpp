#pragma once
// Tasks core has cut a large file into (core/pieces.hpp), done on this machine's cores.
#include <cstddef>
#include <vector>

#include "core/pieces.hpp"

namespace assure {

// The threads an import may use: the cores, at most eight.
std::size_t import_threads();

// Does the tasks on up to import_threads() threads (the caller's among them), each thread
// taking the next task not yet taken; returns when every task is done, rethrowing the first
// exception a task threw.
void run_on_threads(std::vector<Task>& tasks);

// How an import of `bytes` is cut: a file under 1 MiB (some ten thousand rows) is read whole,
// cutting it would cost more than it saves; a larger one into a piece a thread, or pieces of
// about `most` bytes when those are more (the census's, so each piece's reader keeps its tables
// in the cache).
Pieces import_pieces(std::size_t bytes, std::size_t most = 0);

}  // namespace assure
