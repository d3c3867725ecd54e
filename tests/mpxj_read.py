"""Reads a Microsoft Project (MSPDI) file with MPXJ, as ProjectLibre and other Project tools do,
and prints what it understood as JSON: whether each day of the given years is a working day in
the project's calendar, and every task with the finish MPXJ computes from its start and duration
in that calendar. Used by tests/mpxj_roundtrip.rs; needs a JRE and `pip install mpxj JPype1`
(scripts/setup).

Usage: python mpxj_read.py FILE FIRST_YEAR LAST_YEAR
"""
import json
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()
from java.time import LocalDate  # noqa: E402
from org.mpxj.reader import UniversalProjectReader  # noqa: E402

path, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
project = UniversalProjectReader().read(path)
calendar = project.getDefaultCalendar()
working = {}
day = LocalDate.of(first, 1, 1)
end = LocalDate.of(last, 12, 31)
while not day.isAfter(end):
    working[str(day)] = bool(calendar.isWorkingDate(day))
    day = day.plusDays(1)
tasks = []
for task in project.getTasks():
    if task.getName() is None:
        continue
    start = task.getStart()
    duration = task.getDuration()
    computed = calendar.getDate(start, duration) if not task.getMilestone() else start
    tasks.append({
        "name": str(task.getName()),
        "milestone": bool(task.getMilestone()),
        "start": str(start.toLocalDate()),
        "start_time": str(start.toLocalTime()),
        "duration": f"{duration.getDuration()} {duration.getUnits()}",
        "computed_finish": str(computed.toLocalDate()),
        "computed_finish_time": str(computed.toLocalTime()),
    })
print(json.dumps({
    "calendar": str(calendar.getName()),
    "exceptions": int(calendar.getCalendarExceptions().size()),
    "working": working,
    "tasks": tasks,
}))
