"""Table of time expressions written for eventscope: sentence, anchor, expected span, value, interval, precision.

Anchors used: 2020-12-28 (a Monday), 2019-03-15 (Friday), 2021-01-04 (Monday), 2016-02-29 (Monday, leap day),
1989-11-01 (Wednesday), 1998-10-26 (Monday), 1999-05-07 (Friday).
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventscope import time as T

M = "2020-12-28"
F = "2019-03-15"
J = "2021-01-04"
L = "2016-02-29"

# (sentence, anchor, span text, value, earliest, latest, precision); "" for None
CASES: list[tuple[str, str, str, str, str, str, str]] = [
    # explicit dates in their common forms
    ("Talks opened on 28 December 2020 in Geneva.", M, "28 December 2020", "2020-12-28", "2020-12-28", "2020-12-28", "day"),
    ("The vote was held on December 28, 2020, officials said.", M, "December 28, 2020", "2020-12-28", "2020-12-28", "2020-12-28", "day"),
    ("The truce began on Dec. 5, 2019 at midnight.", M, "Dec. 5, 2019", "2019-12-05", "2019-12-05", "2019-12-05", "day"),
    ("The report is dated 2020-11-03 and was leaked.", M, "2020-11-03", "2020-11-03", "2020-11-03", "2020-11-03", "day"),
    ("The court order of 28/12/2020 was appealed.", M, "28/12/2020", "2020-12-28", "2020-12-28", "2020-12-28", "day"),
    ("The decree was signed on 03/04/2020.", M, "03/04/2020", "2020-04-03", "2020-04-03", "2020-04-03", "day"),
    ("The 12/25/2019 raid left four dead.", M, "12/25/2019", "2019-12-25", "2019-12-25", "2019-12-25", "day"),
    ("It was first seen on the 5th of November, 2019 near the port.", M, "the 5th of November, 2019", "2019-11-05", "2019-11-05", "2019-11-05", "day"),
    ("Monday, 7 September 2020 was quiet.", M, "Monday, 7 September 2020", "2020-09-07", "2020-09-07", "2020-09-07", "day"),
    ("Shares fell on Sept. 30, 1989 in Tokyo.", M, "Sept. 30, 1989", "1989-09-30", "1989-09-30", "1989-09-30", "day"),
    ("May 5, 2018 was the day of the vote.", M, "May 5, 2018", "2018-05-05", "2018-05-05", "2018-05-05", "day"),
    ("Polls closed on 5 May 2018 after a long day.", M, "5 May 2018", "2018-05-05", "2018-05-05", "2018-05-05", "day"),
    ("The bombing on Aug 7 1998 shocked the city.", M, "Aug 7 1998", "1998-08-07", "1998-08-07", "1998-08-07", "day"),
    ("The census of 25.12.2019 was cancelled.", M, "25.12.2019", "2019-12-25", "2019-12-25", "2019-12-25", "day"),
    ("A letter dated 1/2/2020 was found.", M, "1/2/2020", "2020-02-01", "2020-02-01", "2020-02-01", "day"),
    ("A letter dated 13/01/2021 was found.", M, "13/01/2021", "2021-01-13", "2021-01-13", "2021-01-13", "day"),
    ("On 4 July 1976 the flags flew.", M, "4 July 1976", "1976-07-04", "1976-07-04", "1976-07-04", "day"),
    ("Rioting broke out on March 3rd, 2011 in the capital.", M, "March 3rd, 2011", "2011-03-03", "2011-03-03", "2011-03-03", "day"),
    ("The deal of 1 January 2021 took effect.", M, "1 January 2021", "2021-01-01", "2021-01-01", "2021-01-01", "day"),
    ("Troops left on 2021-01-02.", M, "2021-01-02", "2021-01-02", "2021-01-02", "2021-01-02", "day"),
    # months, years, decades
    ("In October 2019, troops crossed the border.", M, "October 2019", "2019-10", "2019-10-01", "2019-10-31", "month"),
    ("The accord was reached in October of 2019.", M, "October of 2019", "2019-10", "2019-10-01", "2019-10-31", "month"),
    ("The group was founded in 2015 by exiles.", M, "2015", "2015", "2015-01-01", "2015-12-31", "year"),
    ("The mission began in September 2015.", M, "September 2015", "2015-09", "2015-09-01", "2015-09-30", "month"),
    ("Jets have struck the area since September 2015.", M, "September 2015", "2015-09", "2015-09-01", "2020-12-28", "month"),
    ("The road was rebuilt in early 2019.", M, "early 2019", "2019", "2019-01-01", "2019-05-01", "year"),
    ("Fighting resumed in mid-2018 near the river.", M, "mid-2018", "2018", "2018-05-02", "2018-09-01", "year"),
    ("The camp closed in late 2017.", M, "late 2017", "2017", "2017-09-02", "2017-12-31", "year"),
    ("The militia grew during the 1990s.", M, "1990s", "199", "1990-01-01", "1999-12-31", "decade"),
    ("Such raids were rare in the 1960s.", M, "1960s", "196", "1960-01-01", "1969-12-31", "decade"),
    ("The treaty was signed in May 2018.", M, "May 2018", "2018-05", "2018-05-01", "2018-05-31", "month"),
    ("In 1998, the rebels took the town.", M, "1998", "1998", "1998-01-01", "1998-12-31", "year"),
    ("The offensive began in mid-March 2019.", M, "mid-March 2019", "2019-03", "2019-03-11", "2019-03-21", "month"),
    ("Elections were held in June 2016.", M, "June 2016", "2016-06", "2016-06-01", "2016-06-30", "month"),
    ("The siege ended in February 2016.", M, "February 2016", "2016-02", "2016-02-01", "2016-02-29", "month"),
    # parts of months without a year
    ("Clashes erupted in mid-December near the dam.", M, "mid-December", "2020-12", "2020-12-11", "2020-12-21", "month"),
    ("Clashes erupted in early December near the dam.", M, "early December", "2020-12", "2020-12-01", "2020-12-10", "month"),
    ("Talks stalled in late November.", M, "late November", "2020-11", "2020-11-21", "2020-11-30", "month"),
    ("Talks stalled in late October.", M, "late October", "2020-10", "2020-10-22", "2020-10-31", "month"),
    ("Prices rose in early September.", "1989-10-30", "early September", "1989-09", "1989-09-01", "1989-09-10", "month"),
    # seasons
    ("Floods hit the valley in spring 2019.", M, "spring 2019", "2019-SP", "2019-03-01", "2019-05-31", "season"),
    ("The camp swelled last summer.", M, "last summer", "2020-SU", "2020-06-01", "2020-08-31", "season"),
    ("Fuel ran short last winter.", M, "last winter", "2019-WI", "2019-12-01", "2020-02-29", "season"),
    ("The army will withdraw next spring.", M, "next spring", "2021-SP", "2021-03-01", "2021-05-31", "season"),
    ("The dam failed in the summer of 2016.", M, "summer of 2016", "2016-SU", "2016-06-01", "2016-08-31", "season"),
    ("Snow closed the pass in winter 2014.", M, "winter 2014", "2014-WI", "2014-12-01", "2015-02-28", "season"),
    ("The talks collapsed in the autumn of 2016.", M, "autumn of 2016", "2016-FA", "2016-09-01", "2016-11-30", "season"),
    ("The strike started last fall.", "1999-05-07", "last fall", "1998-FA", "1998-09-01", "1998-11-30", "season"),
    ("Aid convoys were blocked this summer.", M, "this summer", "2020-SU", "2020-06-01", "2020-08-31", "season"),
    # quarters
    ("Output fell in the third quarter.", "1989-11-01", "the third quarter", "1989-Q3", "1989-07-01", "1989-09-30", "season"),
    ("Sales rose in the fourth quarter of 2019.", M, "the fourth quarter of 2019", "2019-Q4", "2019-10-01", "2019-12-31", "season"),
    ("Exports fell in the first quarter.", M, "the first quarter", "2020-Q1", "2020-01-01", "2020-03-31", "season"),
    ("Imports slowed last quarter.", M, "last quarter", "2020-Q3", "2020-07-01", "2020-09-30", "season"),
    ("Imports slowed this quarter.", M, "this quarter", "2020-Q4", "2020-10-01", "2020-12-31", "season"),
    # weekdays, tense and parts of the day
    ("Late Sunday, the ministry said it had sent more troops.", M, "Late Sunday", "2020-12-27", "2020-12-27", "2020-12-27", "day"),
    ("Shells fell on Sunday night in the old town.", M, "Sunday night", "2020-12-27", "2020-12-27", "2020-12-27", "day"),
    ("Early Monday, police raided the camp.", M, "Early Monday", "2020-12-28", "2020-12-28", "2020-12-28", "day"),
    ("Rebels attacked the town on Friday.", M, "Friday", "2020-12-25", "2020-12-25", "2020-12-25", "day"),
    ("The ministers will meet on Friday in Ankara.", M, "Friday", "2021-01-01", "2021-01-01", "2021-01-01", "day"),
    ("The talks are expected to resume on Wednesday.", M, "Wednesday", "2020-12-30", "2020-12-30", "2020-12-30", "day"),
    ("Gunmen struck a checkpoint last Friday.", M, "last Friday", "2020-12-25", "2020-12-25", "2020-12-25", "day"),
    ("Parliament will sit next Monday.", M, "next Monday", "2021-01-04", "2021-01-04", "2021-01-04", "day"),
    ("Units arrived in the area today (Sunday) to patrol.", M, "today (Sunday)", "2020-12-27", "2020-12-27", "2020-12-27", "day"),
    ("A convoy was hit on Saturday morning.", M, "Saturday morning", "2020-12-26", "2020-12-26", "2020-12-26", "day"),
    ("Thursday's attack killed five.", M, "Thursday", "2020-12-24", "2020-12-24", "2020-12-24", "day"),
    ("The ministry said on Monday that it had closed the border.", M, "Monday", "2020-12-28", "2020-12-28", "2020-12-28", "day"),
    ("Voters will go to the polls on Monday.", M, "Monday", "2021-01-04", "2021-01-04", "2021-01-04", "day"),
    ("Two soldiers were killed on Tuesday.", F, "Tuesday", "2019-03-12", "2019-03-12", "2019-03-12", "day"),
    ("The envoy will travel to Kabul on Tuesday.", F, "Tuesday", "2019-03-19", "2019-03-19", "2019-03-19", "day"),
    ("Protesters marched on Friday.", F, "Friday", "2019-03-15", "2019-03-15", "2019-03-15", "day"),
    ("The summit is scheduled to open next Friday.", F, "next Friday", "2019-03-22", "2019-03-22", "2019-03-22", "day"),
    ("A drone crashed last Friday.", F, "last Friday", "2019-03-08", "2019-03-08", "2019-03-08", "day"),
    ("Late on Wednesday, the pipeline exploded.", F, "Late on Wednesday", "2019-03-13", "2019-03-13", "2019-03-13", "day"),
    ("The bridge was blown up on Thursday.", J, "Thursday", "2020-12-31", "2020-12-31", "2020-12-31", "day"),
    ("Troops withdrew on Wednesday evening.", M, "Wednesday evening", "2020-12-23", "2020-12-23", "2020-12-23", "day"),
    ("The team is to report back on Saturday.", M, "Saturday", "2021-01-02", "2021-01-02", "2021-01-02", "day"),
    ("Tens of thousands rallied on Sunday.", M, "Sunday", "2020-12-27", "2020-12-27", "2020-12-27", "day"),
    ("The announcement was made on Friday, Oct. 23 in Paris.", "1998-10-26", "Friday, Oct. 23", "1998-10-23", "1998-10-23", "1998-10-23", "day"),
    # deixis
    ("Rockets hit the airport today.", M, "today", "2020-12-28", "2020-12-28", "2020-12-28", "day"),
    ("Rockets hit the airport yesterday.", M, "yesterday", "2020-12-27", "2020-12-27", "2020-12-27", "day"),
    ("The court will rule tomorrow.", M, "tomorrow", "2020-12-29", "2020-12-29", "2020-12-29", "day"),
    ("The president will speak tonight.", M, "tonight", "2020-12-28", "2020-12-28", "2020-12-28", "day"),
    ("Gunfire was heard last night.", M, "last night", "2020-12-27TNI", "2020-12-27", "2020-12-27", "day"),
    ("The curfew was lifted this morning.", M, "this morning", "2020-12-28TMO", "2020-12-28", "2020-12-28", "day"),
    ("The convoy left yesterday afternoon.", M, "yesterday afternoon", "2020-12-27TAF", "2020-12-27", "2020-12-27", "day"),
    ("The talks ended late yesterday.", M, "late yesterday", "2020-12-27", "2020-12-27", "2020-12-27", "day"),
    ("The minister resigned earlier today.", M, "earlier today", "2020-12-28", "2020-12-28", "2020-12-28", "day"),
    ("The border reopened yesterday.", "2021-01-01", "yesterday", "2020-12-31", "2020-12-31", "2020-12-31", "day"),
    ("The rains stopped today.", F, "today", "2019-03-15", "2019-03-15", "2019-03-15", "day"),
    ("The hospital reopens tomorrow.", L, "tomorrow", "2016-03-01", "2016-03-01", "2016-03-01", "day"),
    # weeks, months, years relative to the anchor
    ("Aid deliveries stopped last week.", M, "last week", "2020-W52", "2020-12-21", "2020-12-27", "week"),
    ("Aid deliveries resumed this week.", M, "this week", "2020-W53", "2020-12-28", "2021-01-03", "week"),
    ("Aid deliveries will resume next week.", M, "next week", "2021-W01", "2021-01-04", "2021-01-10", "week"),
    ("Fuel prices rose last month.", M, "last month", "2020-11", "2020-11-01", "2020-11-30", "month"),
    ("Fuel prices rose this month.", M, "this month", "2020-12", "2020-12-01", "2020-12-31", "month"),
    ("Fuel prices will rise next month.", M, "next month", "2021-01", "2021-01-01", "2021-01-31", "month"),
    ("The party lost seats last year.", M, "last year", "2019", "2019-01-01", "2019-12-31", "year"),
    ("The party lost seats this year.", M, "this year", "2020", "2020-01-01", "2020-12-31", "year"),
    ("The party will contest seats next year.", M, "next year", "2021", "2021-01-01", "2021-12-31", "year"),
    ("Earlier this month, clashes erupted near the town.", M, "Earlier this month", "2020-12", "2020-12-01", "2020-12-28", "month"),
    ("Talks are due to restart later this month.", M, "later this month", "2020-12", "2020-12-28", "2020-12-31", "month"),
    ("The currency collapsed earlier this year.", M, "earlier this year", "2020", "2020-01-01", "2020-12-28", "year"),
    ("The deadline expires at the end of the month.", M, "the end of the month", "2020-12", "2020-12-22", "2020-12-31", "month"),
    ("The army was purged at the end of last year.", M, "the end of last year", "2019", "2019-09-02", "2019-12-31", "year"),
    ("Talks open at the beginning of next month.", M, "the beginning of next month", "2021-01", "2021-01-01", "2021-01-10", "month"),
    ("The plant will reopen early next year.", M, "early next year", "2021", "2021-01-01", "2021-05-01", "year"),
    ("Dozens were detained late last month.", M, "late last month", "2020-11", "2020-11-21", "2020-11-30", "month"),
    ("Several shops were looted this weekend.", M, "this weekend", "2020-W52-WE", "2020-12-26", "2020-12-27", "week"),
    ("Several shops were looted last weekend.", M, "last weekend", "2020-W52-WE", "2020-12-26", "2020-12-27", "week"),
    ("Several shops were looted over the weekend.", F, "the weekend", "2019-W10-WE", "2019-03-09", "2019-03-10", "week"),
    ("Aid deliveries resumed this week.", F, "this week", "2019-W11", "2019-03-11", "2019-03-17", "week"),
    ("Aid deliveries stopped last week.", J, "last week", "2020-W53", "2020-12-28", "2021-01-03", "week"),
    ("Fuel prices rose last month.", J, "last month", "2020-12", "2020-12-01", "2020-12-31", "month"),
    ("The party lost seats last year.", J, "last year", "2020", "2020-01-01", "2020-12-31", "year"),
    ("Aid deliveries will resume next week.", J, "next week", "2021-W02", "2021-01-11", "2021-01-17", "week"),
    ("Fuel prices rose last month.", L, "last month", "2016-01", "2016-01-01", "2016-01-31", "month"),
    # durations anchored at the publication date
    ("No shelling was recorded in the previous 24 hours.", M, "the previous 24 hours", "PT24H", "2020-12-27", "2020-12-28", "day"),
    ("Ten people died in the past two days.", M, "the past two days", "P2D", "2020-12-26", "2020-12-28", "day"),
    ("Prices doubled over the last three weeks.", M, "the last three weeks", "P3W", "2020-12-07", "2020-12-28", "week"),
    ("Talks will continue for the next two weeks.", M, "the next two weeks", "P2W", "2020-12-28", "2021-01-11", "week"),
    ("Output halved in the past 10 years.", M, "the past 10 years", "P10Y", "2010-12-28", "2020-12-28", "year"),
    ("Attacks increased in the past month.", M, "the past month", "P1M", "2020-11-28", "2020-12-28", "month"),
    ("Nobody was arrested during the past week.", M, "the past week", "P1W", "2020-12-21", "2020-12-28", "week"),
    ("Three rockets landed in the past 48 hours.", M, "the past 48 hours", "PT48H", "2020-12-26", "2020-12-28", "day"),
    # ago
    ("The dam was completed two months ago.", M, "two months ago", "2020-10", "2020-10-01", "2020-10-31", "month"),
    ("The boy went missing three days ago.", M, "three days ago", "2020-12-25", "2020-12-25", "2020-12-25", "day"),
    ("The militia was formed a year ago.", M, "a year ago", "2019", "2019-01-01", "2019-12-31", "year"),
    ("The mine closed 10 years ago.", M, "10 years ago", "2010", "2010-01-01", "2010-12-31", "year"),
    ("The strike began two weeks ago.", M, "two weeks ago", "2020-W51", "2020-12-14", "2020-12-20", "week"),
    ("The town fell about five years ago.", M, "about five years ago", "2015", "2015-01-01", "2015-12-31", "year"),
    ("The fire started three weeks ago.", F, "three weeks ago", "2019-W08", "2019-02-18", "2019-02-24", "week"),
    ("The law passed a year ago.", L, "a year ago", "2015", "2015-01-01", "2015-12-31", "year"),
    ("The law passed one month ago.", L, "one month ago", "2016-01", "2016-01-01", "2016-01-31", "month"),
    # relative to another date in the text
    ("In October 2019, troops crossed. Two weeks after the invasion, a deal was signed.", M, "Two weeks after the invasion", "2019-10", "2019-10-15", "2019-11-14", "month"),
    ("The vote was on 3 March 2018. Three days later the count ended.", M, "Three days later", "2018-03-06", "2018-03-06", "2018-03-06", "day"),
    ("The plan was drafted in 2016. A year earlier, talks had failed.", M, "A year earlier", "2015", "2015-01-01", "2015-12-31", "year"),
    ("The town fell on 10 May 2017. The next day, troops looted it.", M, "The next day", "2017-05-11", "2017-05-11", "2017-05-11", "day"),
    ("The town fell on 10 May 2017. The following week, aid arrived.", M, "The following week", "2017-W20", "2017-05-15", "2017-05-21", "week"),
    ("The town fell on 10 May 2017. Shops had closed the day before.", M, "the day before", "2017-05-09", "2017-05-09", "2017-05-09", "day"),
    ("The town fell on 10 May 2017. Many fled that day.", M, "that day", "2017-05-10", "2017-05-10", "2017-05-10", "day"),
    ("The siege began in March 2015. It was lifted later that year.", M, "later that year", "2015", "2015-03-31", "2015-12-31", "year"),
    ("The town fell on 10 May 2017. Earlier that day, jets struck.", M, "Earlier that day", "2017-05-10", "2017-05-10", "2017-05-10", "day"),
    ("The port was shelled on 2 June 2014. Two days after the attack, it closed.", M, "Two days after the attack", "2014-06-04", "2014-06-04", "2014-06-04", "day"),
    # partial dates and bare months: tense chooses the year
    ("On September 17, troops patrolled the road.", M, "September 17", "2020-09-17", "2020-09-17", "2020-09-17", "day"),
    ("On December 30, the army shelled the village.", M, "December 30", "2019-12-30", "2019-12-30", "2019-12-30", "day"),
    ("The summit will open on January 5.", M, "January 5", "2021-01-05", "2021-01-05", "2021-01-05", "day"),
    ("The fire started on Dec. 28 in a warehouse.", M, "Dec. 28", "2020-12-28", "2020-12-28", "2020-12-28", "day"),
    ("Elections were held in March.", M, "March", "2020-03", "2020-03-01", "2020-03-31", "month"),
    ("Elections will be held in March.", M, "March", "2021-03", "2021-03-01", "2021-03-31", "month"),
    ("The dam burst last April.", M, "last April", "2020-04", "2020-04-01", "2020-04-30", "month"),
    ("The dam will be finished next February.", M, "next February", "2021-02", "2021-02-01", "2021-02-28", "month"),
    ("The militia seized the mine on 17 September.", M, "17 September", "2020-09-17", "2020-09-17", "2020-09-17", "day"),
    ("The unrest began in December.", M, "December", "2020-12", "2020-12-01", "2020-12-31", "month"),
    ("The trial opened on Jan. 14 in the capital.", M, "Jan. 14", "2020-01-14", "2020-01-14", "2020-01-14", "day"),
    ("The bridge was bombed on December 30.", J, "December 30", "2020-12-30", "2020-12-30", "2020-12-30", "day"),
    ("Fighting intensified in December.", J, "December", "2020-12", "2020-12-01", "2020-12-31", "month"),
    ("Leap-day protests were held on February 29.", L, "February 29", "2016-02-29", "2016-02-29", "2016-02-29", "day"),
    ("The crossing reopened on 3 January.", J, "3 January", "2021-01-03", "2021-01-03", "2021-01-03", "day"),
    ("The election is set to take place in May.", M, "May", "2021-05", "2021-05-01", "2021-05-31", "month"),
    # clock times
    ("The blast occurred at 10:35 a.m. near the embassy.", M, "10:35 a.m.", "2020-12-28T10:35", "2020-12-28", "2020-12-28", "day"),
    ("The curfew starts at 3 p.m. in the district.", M, "3 p.m.", "2020-12-28T15:00", "2020-12-28", "2020-12-28", "day"),
    ("On 5 May 2019 at 7:30 pm the lights went out.", M, "7:30 pm", "2019-05-05T19:30", "2019-05-05", "2019-05-05", "day"),
]

# (sentence, span text, type, value) for expressions without an interval
UNANCHORED: list[tuple[str, str, str, str]] = [
    ("The hostages were held for three days.", "three days", "DURATION", "P3D"),
    ("A 24-hour ceasefire was agreed.", "24-hour", "DURATION", "PT24H"),
    ("The blockade lasted for two weeks.", "two weeks", "DURATION", "P2W"),
    ("He spent five years in prison.", "five years", "DURATION", "P5Y"),
    ("The talks could take several months.", "several months", "DURATION", "PXM"),
    ("The feud lasted about 40 years.", "about 40 years", "DURATION", "P40Y"),
    ("The mandate runs for 18 months.", "18 months", "DURATION", "P18M"),
    ("The war lasted two decades.", "two decades", "DURATION", "P20Y"),
    ("The town has been besieged for years.", "years", "DURATION", "PXY"),
    ("Protesters gather every Friday outside parliament.", "every Friday", "SET", "XXXX-WXX-5"),
    ("Convoys pass every day.", "every day", "SET", "P1D"),
    ("Officials meet daily to review the truce.", "daily", "SET", "P1D"),
    ("The council meets weekly.", "weekly", "SET", "P1W"),
    ("Markets close on Fridays in the city.", "Fridays", "SET", "XXXX-WXX-5"),
    ("Patrols leave every morning from the base.", "every morning", "SET", "XXXX-XX-XXTMO"),
    ("The report is published annually.", "annually", "SET", "P1Y"),
    ("Violence has recently spread to the north.", "recently", "DATE", "PAST_REF"),
    ("The town is now under army control.", "now", "DATE", "PRESENT_REF"),
    ("The camp currently holds 9,000 people.", "currently", "DATE", "PRESENT_REF"),
    ("Such raids were common in the past.", "the past", "DATE", "PAST_REF"),
    ("More troops may be sent in the future.", "the future", "DATE", "FUTURE_REF"),
    ("Talks will resume in the near future, the envoy said.", "the near future", "DATE", "FUTURE_REF"),
]

# (sentence, span text, value) of dates that cannot exist: reported, flagged, never guessed
IMPOSSIBLE: list[tuple[str, str, str]] = [
    ("The memo is dated February 30, 2020.", "February 30, 2020", "2020-02-30"),
    ("The memo is dated 31/02/2020.", "31/02/2020", "2020-02-31"),
    ("The memo is dated 30 February 2019.", "30 February 2019", "2019-02-30"),
    ("The memo is dated April 31, 2020.", "April 31, 2020", "2020-04-31"),
    ("The memo is dated 2021-13-01.", "2021-13-01", "2021-13-01"),
    ("The memo is dated February 30.", "February 30", "XXXX-02-30"),
    ("The memo is dated 29 February 2019.", "29 February 2019", "2019-02-29"),
]

# (sentence, span text, value) that need a day-level anchor: with none, no interval is invented
NO_ANCHOR: list[tuple[str, str, str]] = [
    ("Rockets hit the airport yesterday.", "yesterday", "XXXX-XX-XX"),
    ("Aid deliveries stopped last week.", "last week", "XXXX-XX-XX"),
    ("On September 17, troops patrolled the road.", "September 17", "XXXX-09-17"),
    ("Rebels attacked the town on Friday.", "Friday", "XXXX-WXX-5"),
    ("The dam was completed two months ago.", "two months ago", "XXXX-XX-XX"),
    ("Earlier this month, clashes erupted.", "Earlier this month", "XXXX-XX-XX"),
    ("Elections were held in March.", "March", "XXXX-03"),
]

# (sentence, span text) anchored to another date when the text gives none: unresolved, not guessed
NO_REFERENCE: list[tuple[str, str]] = [
    ("The border was sealed the day before.", "the day before"),
    ("Two days later, troops left.", "Two days later"),
    ("The next day, they left.", "The next day"),
    ("A week after the fire, the shop reopened.", "A week after the fire"),
]

# sentences in which nothing must be tagged
NOTHING: list[str] = [
    "You may go now-defunct roads.",
    "About 2000 troops were deployed to the border.",
    "The fall of the city shocked the region.",
    "Protesters march to the square.",
    "The report may be released.",
    "He paid $2019 for the car.",
    "Version 1.2.20 fixed the bug.",
]


H = "2019-07-04"  # Thursday
K = "2022-02-24"  # Thursday
S = "2023-10-07"  # Saturday
N = "2018-01-01"  # Monday

CASES += [
    # more explicit forms
    ("The decree of 1st March 2015 was annulled.", M, "1st March 2015", "2015-03-01", "2015-03-01", "2015-03-01", "day"),
    ("Polls opened on March 1st across the country.", M, "March 1st", "2020-03-01", "2020-03-01", "2020-03-01", "day"),
    ("The camp was cleared on the 17th of September.", M, "the 17th of September", "2020-09-17", "2020-09-17", "2020-09-17", "day"),
    ("The strike began in Jan. 2016.", M, "Jan. 2016", "2016-01", "2016-01-01", "2016-01-31", "month"),
    ("The dam was finished in Sept 2014.", M, "Sept 2014", "2014-09", "2014-09-01", "2014-09-30", "month"),
    ("The audit is dated 2014-09-30.", M, "2014-09-30", "2014-09-30", "2014-09-30", "2014-09-30", "day"),
    ("Militias multiplied in the late 1970s.", M, "late 1970s", "197", "1976-09-01", "1979-12-31", "decade"),
    ("The economy boomed in the mid-1990s.", M, "mid-1990s", "199", "1993-05-02", "1996-08-31", "decade"),
    ("The refinery was bombed in mid-January.", M, "mid-January", "2020-01", "2020-01-11", "2020-01-21", "month"),
    ("The mission wound down in late 2020.", M, "late 2020", "2020", "2020-09-01", "2020-12-31", "year"),
    ("The uprising began in early 1991.", M, "early 1991", "1991", "1991-01-01", "1991-05-01", "year"),
    ("Troops must leave by the end of 2021.", M, "the end of 2021", "2021", "2021-09-02", "2021-12-31", "year"),
    ("Output grew in the first half of 2019.", M, "the first half of 2019", "2019", "2019-01-01", "2019-07-01", "year"),
    ("Output fell in the second half of 2019.", M, "the second half of 2019", "2019", "2019-07-02", "2019-12-31", "year"),
    ("The war of 6 October 1973 changed the region.", S, "6 October 1973", "1973-10-06", "1973-10-06", "1973-10-06", "day"),
    ("The war broke out in October 1973.", S, "October 1973", "1973-10", "1973-10-01", "1973-10-31", "month"),
    ("The war began 50 years ago.", S, "50 years ago", "1973", "1973-01-01", "1973-12-31", "year"),
    ("The 1973 war is still taught.", S, "1973", "1973", "1973-01-01", "1973-12-31", "year"),
    ("Tuesday, 9 July 2019 saw heavy rain.", H, "Tuesday, 9 July 2019", "2019-07-09", "2019-07-09", "2019-07-09", "day"),
    ("The deadline is Feb. 28, 2022 at noon.", K, "Feb. 28, 2022", "2022-02-28", "2022-02-28", "2022-02-28", "day"),
    # a Thursday anchor in July 2019
    ("Police arrested him on Monday.", H, "Monday", "2019-07-01", "2019-07-01", "2019-07-01", "day"),
    ("Police arrested him on Friday.", H, "Friday", "2019-06-28", "2019-06-28", "2019-06-28", "day"),
    ("Police arrested him on Thursday.", H, "Thursday", "2019-07-04", "2019-07-04", "2019-07-04", "day"),
    ("The court will hear the case on Friday.", H, "Friday", "2019-07-05", "2019-07-05", "2019-07-05", "day"),
    ("Two mines exploded last week.", H, "last week", "2019-W26", "2019-06-24", "2019-06-30", "week"),
    ("Talks resume next week.", H, "next week", "2019-W28", "2019-07-08", "2019-07-14", "week"),
    ("Prices rose this month.", H, "this month", "2019-07", "2019-07-01", "2019-07-31", "month"),
    ("Prices rose last month.", H, "last month", "2019-06", "2019-06-01", "2019-06-30", "month"),
    ("The envoy arrived yesterday.", H, "yesterday", "2019-07-03", "2019-07-03", "2019-07-03", "day"),
    ("The envoy arrived yesterday evening.", H, "yesterday evening", "2019-07-03TEV", "2019-07-03", "2019-07-03", "day"),
    ("The dam broke in May.", H, "May", "2019-05", "2019-05-01", "2019-05-31", "month"),
    ("The treaty will be signed in August.", H, "August", "2019-08", "2019-08-01", "2019-08-31", "month"),
    ("The fair opened on June 30.", H, "June 30", "2019-06-30", "2019-06-30", "2019-06-30", "day"),
    ("The strike will start on July 10.", H, "July 10", "2019-07-10", "2019-07-10", "2019-07-10", "day"),
    ("The harvest failed last summer.", H, "last summer", "2018-SU", "2018-06-01", "2018-08-31", "season"),
    ("Heavy rains fell this summer.", H, "this summer", "2019-SU", "2019-06-01", "2019-08-31", "season"),
    ("The plant closed in the second quarter.", H, "the second quarter", "2019-Q2", "2019-04-01", "2019-06-30", "season"),
    # a Thursday anchor in February 2022
    ("Early Thursday, missiles struck the airfield.", K, "Early Thursday", "2022-02-24", "2022-02-24", "2022-02-24", "day"),
    ("Columns moved on Wednesday night.", K, "Wednesday night", "2022-02-23", "2022-02-23", "2022-02-23", "day"),
    ("Shelling intensified last weekend.", K, "last weekend", "2022-W07-WE", "2022-02-19", "2022-02-20", "week"),
    ("More troops will arrive this weekend.", K, "this weekend", "2022-W08-WE", "2022-02-26", "2022-02-27", "week"),
    ("Explosions were heard in the past 24 hours.", K, "the past 24 hours", "PT24H", "2022-02-23", "2022-02-24", "day"),
    ("The drills began three weeks ago.", K, "three weeks ago", "2022-W05", "2022-01-31", "2022-02-06", "week"),
    ("Diplomats met last month.", K, "last month", "2022-01", "2022-01-01", "2022-01-31", "month"),
    ("Troops massed in late January.", K, "late January", "2022-01", "2022-01-22", "2022-01-31", "month"),
    ("Talks collapsed in mid-February.", K, "mid-February", "2022-02", "2022-02-10", "2022-02-19", "month"),
    ("Sanctions will follow in early March.", K, "early March", "2022-03", "2022-03-01", "2022-03-10", "month"),
    ("The region was annexed eight years ago.", K, "eight years ago", "2014", "2014-01-01", "2014-12-31", "year"),
    ("Crowds gathered tonight in the square.", K, "tonight", "2022-02-24", "2022-02-24", "2022-02-24", "day"),
    ("Sirens sounded early this morning.", K, "early this morning", "2022-02-24TMO", "2022-02-24", "2022-02-24", "day"),
    # a Saturday anchor in October 2023
    ("Gunmen crossed the fence on Saturday.", S, "Saturday", "2023-10-07", "2023-10-07", "2023-10-07", "day"),
    ("Rockets were fired on Friday night.", S, "Friday night", "2023-10-06", "2023-10-06", "2023-10-06", "day"),
    ("Sirens sounded today across the south.", S, "today", "2023-10-07", "2023-10-07", "2023-10-07", "day"),
    ("A rally was held last Saturday.", S, "last Saturday", "2023-09-30", "2023-09-30", "2023-09-30", "day"),
    ("A rally is planned for next Saturday.", S, "next Saturday", "2023-10-14", "2023-10-14", "2023-10-14", "day"),
    ("The cabinet will meet on Sunday.", S, "Sunday", "2023-10-08", "2023-10-08", "2023-10-08", "day"),
    ("Flights were cancelled this week.", S, "this week", "2023-W40", "2023-10-02", "2023-10-08", "week"),
    ("The talks failed last year.", S, "last year", "2022", "2022-01-01", "2022-12-31", "year"),
    ("The port reopened in 1974.", S, "1974", "1974", "1974-01-01", "1974-12-31", "year"),
    # a Monday anchor on New Year's Day 2018
    ("The budget passed last year.", N, "last year", "2017", "2017-01-01", "2017-12-31", "year"),
    ("Fireworks were fired yesterday.", N, "yesterday", "2017-12-31", "2017-12-31", "2017-12-31", "day"),
    ("Fuel prices rose last month.", N, "last month", "2017-12", "2017-12-01", "2017-12-31", "month"),
    ("Aid deliveries stopped last week.", N, "last week", "2017-W52", "2017-12-25", "2017-12-31", "week"),
    ("Protests spread in December.", N, "December", "2017-12", "2017-12-01", "2017-12-31", "month"),
    ("The law takes effect this year.", N, "this year", "2018", "2018-01-01", "2018-12-31", "year"),
    ("Elections will be held next month.", N, "next month", "2018-02", "2018-02-01", "2018-02-28", "month"),
    ("The rally took place on December 31.", N, "December 31", "2017-12-31", "2017-12-31", "2017-12-31", "day"),
    ("Shops closed on Friday.", N, "Friday", "2017-12-29", "2017-12-29", "2017-12-29", "day"),
    ("Snow blocked the roads last winter.", N, "last winter", "2016-WI", "2016-12-01", "2017-02-28", "season"),
    ("Snow blocked the roads this winter.", N, "this winter", "2017-WI", "2017-12-01", "2018-02-28", "season"),
    # anchored to another date
    ("The party was founded in 2003. Two years later it won power.", M, "Two years later", "2005", "2005-01-01", "2005-12-31", "year"),
    ("The deal was signed on 1 March 2020. A week later it collapsed.", M, "A week later", "2020-03-08", "2020-03-08", "2020-03-08", "day"),
    ("The deal was signed on 1 March 2020. Two months earlier, talks began.", M, "Two months earlier", "2020-01-01", "2020-01-01", "2020-01-01", "day"),
    ("The dam opened in June 2011. Three years after the opening it cracked.", M, "Three years after the opening", "2014-06", "2014-06-01", "2014-06-30", "month"),
    ("The army withdrew in 1989. Ten years before, it had invaded.", M, "Ten years before", "1979", "1979-01-01", "1979-12-31", "year"),
    ("The raid was on 4 April 2016. The previous day, police had warned residents.", M, "The previous day", "2016-04-03", "2016-04-03", "2016-04-03", "day"),
    ("The raid was on 4 April 2016. The following day, the town was quiet.", M, "The following day", "2016-04-05", "2016-04-05", "2016-04-05", "day"),
    ("The raid was on 4 April 2016. The next morning, troops left.", M, "The next morning", "2016-04-05", "2016-04-05", "2016-04-05", "day"),
    ("The raid was on 4 April 2016. The same day, a curfew was declared.", M, "The same day", "2016-04-04", "2016-04-04", "2016-04-04", "day"),
    ("The raid was on 4 April 2016. The day after, shops reopened.", M, "The day after", "2016-04-05", "2016-04-05", "2016-04-05", "day"),
    ("Troops entered on Friday. The next day, they left.", M, "The next day", "2020-12-26", "2020-12-26", "2020-12-26", "day"),
    ("Troops entered on Friday. Two days later, they left.", M, "Two days later", "2020-12-27", "2020-12-27", "2020-12-27", "day"),
    # anchored durations and sets with a publication date
    ("The fighting has killed 40 people in the past three days.", K, "the past three days", "P3D", "2022-02-21", "2022-02-24", "day"),
    ("Prices will be frozen for the next six months.", K, "the next six months", "P6M", "2022-02-24", "2022-08-24", "month"),
    ("Arrests doubled over the past year.", K, "the past year", "P1Y", "2021-02-24", "2022-02-24", "year"),
    ("Arrests doubled over the previous decade.", K, "the previous decade", "P10Y", "2012-02-24", "2022-02-24", "decade"),
]

UNANCHORED += [
    ("Inspectors visit every two weeks.", "every two weeks", "SET", "P2W"),
    ("The festival is held each year.", "each year", "SET", "P1Y"),
    ("Markets are busy every weekend.", "every weekend", "SET", "XXXX-WXX-WE"),
    ("Sirens are tested hourly.", "hourly", "SET", "PT1H"),
    ("The curfew lasted for 24 hours.", "24 hours", "DURATION", "PT24H"),
    ("The road was closed for a few days.", "a few days", "DURATION", "PXD"),
    ("A six-month ban was imposed.", "six-month", "DURATION", "P6M"),
    ("A three-day truce began.", "three-day", "DURATION", "P3D"),
    ("The first 100 days were chaotic.", "100 days", "DURATION", "P100D"),
    ("The conflict has lasted a decade.", "a decade", "DURATION", "P10Y"),
    ("Detainees may be held for 48 hours.", "48 hours", "DURATION", "PT48H"),
    ("The siege could last several weeks.", "several weeks", "DURATION", "PXW"),
    ("The talks took a fortnight.", "a fortnight", "DURATION", "P2W"),
    ("Ministers meet on Mondays.", "Mondays", "SET", "XXXX-WXX-1"),
    ("The talks went on for twenty-four hours.", "twenty-four hours", "DURATION", "PT24H"),
    ("The army has lately stepped up raids.", "lately", "DATE", "PAST_REF"),
    ("Fuel is scarce these days.", "these days", "DATE", "PRESENT_REF"),
    ("Fuel is scarce at present.", "at present", "DATE", "PRESENT_REF"),
]

NOTHING += [
    "A second convoy reached the camp.",
    "He was 2 years old.",
    "A 6-year-old girl was injured.",
    "They will spring into action.",
    "In the fall of the city, thousands died.",
    "Mayday calls were heard.",
    "The Augustine mission was closed.",
    "The 737 jets were grounded.",
    "The sunday market was quiet.",
    "They march on the capital.",
    "The council adopted resolution 2042 unanimously.",
    "Flight 1549 landed on the river.",
    "The village was formerly a garrison and will soon be rebuilt.",
]


def _date(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _find(exprs: list, span: str):  # type: ignore[no-untyped-def]
    hits = [e for e in exprs if e.text == span]
    assert hits, f"{span!r} not tagged; got {[(e.text, e.value) for e in exprs]}"
    return hits[0]


@pytest.mark.parametrize(("sentence", "anchor", "span", "value", "earliest", "latest", "precision"), CASES)
def test_case(sentence: str, anchor: str, span: str, value: str, earliest: str, latest: str, precision: str) -> None:
    exprs = T.tag(sentence, [(0, len(sentence))], dt.date.fromisoformat(anchor), anchor_basis="publication date")
    e = _find(exprs, span)
    assert sentence[e.start : e.end] == e.text
    assert (e.value, e.earliest, e.latest, e.precision) == (value, _date(earliest), _date(latest), precision)


@pytest.mark.parametrize(("sentence", "span", "type_", "value"), UNANCHORED)
def test_unanchored(sentence: str, span: str, type_: str, value: str) -> None:
    exprs = T.tag(sentence, [(0, len(sentence))], dt.date(2020, 12, 28), anchor_basis="publication date")
    e = _find(exprs, span)
    assert (e.type, e.value, e.earliest, e.latest) == (type_, value, None, None)


@pytest.mark.parametrize(("sentence", "span", "value"), IMPOSSIBLE)
def test_impossible(sentence: str, span: str, value: str) -> None:
    exprs = T.tag(sentence, [(0, len(sentence))], dt.date(2020, 12, 28), anchor_basis="publication date")
    e = _find(exprs, span)
    assert (e.value, e.earliest, e.latest, "impossible" in e.flags) == (value, None, None, True)


@pytest.mark.parametrize(("sentence", "span", "value"), NO_ANCHOR)
def test_no_anchor(sentence: str, span: str, value: str) -> None:
    exprs = T.tag(sentence, [(0, len(sentence))], None, anchor_basis="none")
    e = _find(exprs, span)
    assert (e.value, e.earliest, e.latest, e.precision) == (value, None, None, "unknown")


@pytest.mark.parametrize(("sentence", "span"), NO_REFERENCE)
def test_no_reference(sentence: str, span: str) -> None:
    exprs = T.tag(sentence, [(0, len(sentence))], dt.date(2022, 2, 24), anchor_basis="publication date")
    e = _find(exprs, span)
    assert (e.earliest, e.latest, e.precision, e.basis) == (None, None, "unknown", "unresolved")


@pytest.mark.parametrize("sentence", NOTHING)
def test_nothing(sentence: str) -> None:
    exprs = T.tag(sentence, [(0, len(sentence))], dt.date(2020, 12, 28), anchor_basis="publication date")
    assert [e.text for e in exprs] == []


def test_table_size() -> None:
    assert len(CASES) + len(UNANCHORED) + len(IMPOSSIBLE) + len(NO_ANCHOR) + len(NO_REFERENCE) + len(NOTHING) >= 300
