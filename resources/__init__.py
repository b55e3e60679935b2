"""The console's data files (policy, templates, fonts, icons): installed as the package
``privacy_console_resources`` and read through ``console.resources``; not Python code."""
