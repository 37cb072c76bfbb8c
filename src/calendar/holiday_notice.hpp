// HolidayNotice: one year's State Council notice on public holidays as data — which dates are
// off (法定节假日) and which weekend dates become working days (调休上班). The shipped notices and
// any loaded later are the calendar's facts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/dates.hpp"
#include "common/result.hpp"

namespace ow::calendar {

struct NoticeDay {
    Date date;
    bool off = false;  // true: a day off; false: a working day (normally a make-up weekend day)
    std::string name;  // the holiday it belongs to, e.g. 国庆节
};

struct HolidayNotice {
    int year = 0;
    std::vector<NoticeDay> days;
};

// Checks a notice before it becomes part of the calendar. Fails with kInvalidHolidayNotice:
// year outside 2000-2199, no days, a date outside the year (late December of the year before
// and January of the year after are allowed: New Year adjustments cross the boundary), a
// date listed twice, an empty name or one over 120 bytes (40 Chinese characters).
Result<void> ValidateNotice(const HolidayNotice& notice);

// Parses the shipped data file (data/calendar/holidays-cn.tsv): lines of
// NOTICE_YEAR<TAB>DATE<TAB>off|work<TAB>NAME, '#' comments. Returns one notice per year.
Result<std::vector<HolidayNotice>> ParseNoticeTable(std::string_view text);

// The notices compiled into the binary (2007 up to the latest published year).
const std::vector<HolidayNotice>& ShippedNotices();

}  // namespace ow::calendar
