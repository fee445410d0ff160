#pragma once
// The demo records each thing on the day it would have been recorded: services whose clock
// says it is noon on a chosen day, over the same store.
#include "app/context.hpp"

namespace assure::cli {

struct DemoClock final : Clock {
    Instant at = 0;
    [[nodiscard]] Instant now() const override { return at; }
};

struct ServicesOn {
    DemoClock clock;
    Services services;
    ServicesOn(Services& s, Date day) : services{s.store, clock, s.hasher, s.tokens, s.sessions, s.sealer, s.calendar, s.defaults} {
        clock.at = day.days() * 86400 + 12 * 3600;
        services.xml = s.xml;
    }
};

}  // namespace assure::cli
