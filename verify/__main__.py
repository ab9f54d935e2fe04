"""python -m verify"""


from verify.cli import main_entry

main_entry()
