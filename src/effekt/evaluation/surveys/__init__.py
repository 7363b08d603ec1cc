"""Pure survey logic: question schema, Likert scales, the templates of source 004's annexes,
results per wave with Wilson intervals, wave-to-wave change, and response rates.

No Django here: the web side stores a template's questions as JSON and reads them back.
"""
